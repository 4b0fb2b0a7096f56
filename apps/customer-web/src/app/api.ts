import type { CustomerRouter } from '@astro/api';
import { injectTrpc } from '@astro/web-kit';

/** This app's typed client of the customer router. */
export const injectApi = () => injectTrpc<CustomerRouter>();
