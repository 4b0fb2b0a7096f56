/**
 * What a supplier may reach: their own agency's rockets and launches, another agency's as good as absent.
 * Both the rockets and the launches features look records up through it.
 */
import { Launch, Rocket, type OperationalEntityManager } from '@astro/db/operational';
import { TRPCError } from '../trpc.ts';
import type { AgencyContext } from './context.ts';

/** The agency's own rocket; another agency's is as good as absent. */
export async function ownRocket(em: OperationalEntityManager, ctx: AgencyContext, id: string): Promise<Rocket> {
  const rocket = await em.findOne(Rocket, { id, agency: ctx.agencyId });
  if (!rocket) throw new TRPCError({ code: 'NOT_FOUND', message: 'That rocket is not one of your agency’s.' });
  return rocket;
}

/** The agency's own launch; another agency's is as good as absent. */
export async function ownLaunch(em: OperationalEntityManager, ctx: AgencyContext, id: string): Promise<Launch> {
  const launch = await em.findOne(Launch, { id, agency: ctx.agencyId }, { populate: ['rocket'] });
  if (!launch) throw new TRPCError({ code: 'NOT_FOUND', message: 'That launch is not one of your agency’s.' });
  return launch;
}
