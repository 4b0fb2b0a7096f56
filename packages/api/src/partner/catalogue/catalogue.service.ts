/**
 * The public catalogue as partner integrations read it: the customer site's own catalogue reads, with the filters
 * a URL's query carries. Transport-free; the host serves it over HTTP to holders of a `catalogue:read` token.
 */
import type { z } from 'zod';
import type { CustomerOrm } from '@astro/db/customer';
import { launchBySlugInput } from '../../customer/catalogue/catalogue.schemas.ts';
import { launchBySlug, listUpcomingLaunches } from '../../customer/catalogue/catalogue.service.ts';
import { TRPCError } from '../../trpc.ts';
import { launchFilterNames, launchFilters, numericFilters } from './catalogue.schemas.ts';

/** A partner's request the API cannot serve, with a message the partner's developer can act on. */
export class PartnerRequestError extends Error {
  readonly status: 400 | 404;
  constructor(status: 400 | 404, message: string) {
    super(message);
    this.status = status;
  }
}

/** A query string's values are text: numbers are read as numbers, and an unknown parameter is named, not ignored. */
function filtersOf(query: Record<string, unknown>) {
  const unknown = Object.keys(query).filter((name) => !launchFilterNames.includes(name));
  if (unknown.length)
    throw new PartnerRequestError(
      400,
      `Unknown query parameter ${unknown.join(', ')}; the launch list takes ${launchFilterNames.join(', ')}.`,
    );
  const input = Object.fromEntries(
    Object.entries(query).map(([name, value]) => [
      name,
      numericFilters.has(name) && typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
    ]),
  );
  return parsedOrRefused(launchFilters, input);
}

/** The customer site's own input schema read over a partner's request, its issues said in one sentence each. */
function parsedOrRefused<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new PartnerRequestError(
      400,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`).join(' '),
    );
  return parsed.data;
}

export function partnerCatalogue(customer: CustomerOrm, now: () => Date = () => new Date()) {
  const reader = () => ({ customerDb: customer.em.fork(), now });
  return {
    /** Launches ahead, filtered as the customer site filters them. */
    launches: async (query: Record<string, unknown>) => listUpcomingLaunches(reader(), filtersOf(query)),
    /** One launch by its slug, with its status history. */
    launch: async (slug: string) =>
      launchBySlug(reader(), parsedOrRefused(launchBySlugInput, { slug })).catch((error: unknown) => {
        if (error instanceof TRPCError && error.code === 'NOT_FOUND')
          throw new PartnerRequestError(404, `No launch in the catalogue has the slug "${slug}".`);
        throw error;
      }),
  };
}
export type PartnerCatalogue = ReturnType<typeof partnerCatalogue>;
