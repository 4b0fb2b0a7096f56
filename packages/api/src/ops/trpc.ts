import { initAudience } from '../trpc.ts';
import type { OpsContext } from './context.ts';

export const ops = initAudience<OpsContext>();
