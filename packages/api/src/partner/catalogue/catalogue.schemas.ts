import { listCatalogueInput } from '../../customer/catalogue/catalogue.schemas.ts';

/** The launch list's query parameters: the customer site's own catalogue filters. */
export const launchFilters = listCatalogueInput.unwrap();
export const launchFilterNames = Object.keys(launchFilters.shape);
/** A query string's values are text: these filters are read as numbers. */
export const numericFilters = new Set(['minPriceCents', 'maxPriceCents', 'minSeatsLeft', 'limit']);
