import { initAudience } from '../trpc.ts';
import type { CustomerContext } from './context.ts';

export const customer = initAudience<CustomerContext>();
