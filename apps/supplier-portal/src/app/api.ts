import type { SupplierRouter } from '@astro/api';
import { injectTrpc } from '@astro/web-kit';

/** This app's typed client of the supplier router. */
export const injectApi = () => injectTrpc<SupplierRouter>();
