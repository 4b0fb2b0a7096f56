import type { OpsRouter } from '@astro/api';
import { injectTrpc } from '@astro/web-kit';

/** This app's typed client of the ops router. */
export const injectApi = () => injectTrpc<OpsRouter>();
