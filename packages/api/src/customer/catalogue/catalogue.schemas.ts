import { z } from 'zod';

export const listCatalogueInput = z
  .object({
    limit: z.number().int().min(1, 'Ask for at least one launch').max(100, 'Ask for at most 100 launches').default(60),
  })
  .default({ limit: 60 });
