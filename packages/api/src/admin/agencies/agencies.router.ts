import { z } from 'zod';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Agency } from '@astro/db/operational';
import { text } from '../../text.ts';
import { fieldProblems, TRPCError } from '../../trpc.ts';
import { admin } from '../trpc.ts';
import { listAgencies } from './agencies.service.ts';

const legalInput = z.object({
  agencyId: z.uuid('Choose an agency.'),
  legalName: text({ max: 200 }).trim().min(1, 'Enter the legal name.'),
  taxId: text({ max: 40 }).trim().min(3, 'Enter the tax id.'),
  legalAddress: text({ max: 500, multiline: true }).trim().min(5, 'Enter the full legal address.'),
});

export const agenciesRouter = admin.router({
  list: admin.allow('support', 'finance', 'admin').query(async ({ ctx }) => ({ agencies: await listAgencies(ctx) })),
  /** Legal data goes on invoices, so only employees (admins) may change it. */
  updateLegal: admin
    .allow('admin')
    .input(legalInput)
    .mutation(async ({ ctx, input: { agencyId, ...legal } }) => {
      const agency = await ctx.operationalDb.findOne(Agency, agencyId);
      if (!agency) throw new TRPCError({ code: 'NOT_FOUND', message: 'That agency does not exist.' });
      Object.assign(agency, legal);
      await ctx.operationalDb.flush().catch((error: unknown) => {
        if (error instanceof UniqueConstraintViolationException)
          fieldProblems({ taxId: 'Another agency already has this tax id.' });
        throw error;
      });
      ctx.log.info('Agency legal data changed', { agencyId, by: ctx.viewer!.userId });
      return { id: agency.id, ...legal };
    }),
});
