/**
 * A counter the sync bumps whenever it changes the launch catalogue, so that every host can tell by one read by
 * primary key whether the pages it rendered from the catalogue are still current (apps/host/src/page-cache.ts).
 */
import type { CustomerEntityManager } from './orm.ts';

interface CatalogueVersionDocument {
  _id: string;
  version: number;
}

const versionOf = (em: CustomerEntityManager) => em.getCollection<CatalogueVersionDocument>('catalogue_version');
const catalogue = 'catalogue';

export async function bumpCatalogueVersion(em: CustomerEntityManager): Promise<void> {
  await versionOf(em).updateOne({ _id: catalogue }, { $inc: { version: 1 } }, { upsert: true });
}

/** 0 until the sync first changes the catalogue. */
export async function readCatalogueVersion(em: CustomerEntityManager): Promise<number> {
  const current = await versionOf(em).findOne({ _id: catalogue }, { projection: { version: 1 } });
  return current?.version ?? 0;
}
