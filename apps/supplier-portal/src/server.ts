// The host serves this app; this bundle only renders it (see packages/web-kit/src/server.ts).
export { createSsrHandler } from '@astro/web-kit/server';
