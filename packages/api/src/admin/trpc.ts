import { initAudience } from '../trpc.ts';
import type { AdminContext } from './context.ts';

export const admin = initAudience<AdminContext>();
