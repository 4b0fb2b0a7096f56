import type { AdminRouter } from '@astro/api';
import { injectTrpc } from '@astro/web-kit';

/** This app's typed client of the admin router. */
export const injectApi = () => injectTrpc<AdminRouter>();
