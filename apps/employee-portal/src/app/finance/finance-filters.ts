/** What the finance pages' addresses may say, and the agencies their filters offer. */
import { queryResource } from '@astro/web-kit';
import { injectApi } from '../api';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The address's value when it can name an agency; anything else is left out rather than refused. */
export const agencyIdOf = (value: string | undefined) => (uuid.test(value ?? '') ? value : undefined);
/** The address's value when it is a day (`2026-11-30`). */
export const dayOf = (value: string | undefined) => (isoDay.test(value ?? '') ? value : undefined);

/** Every agency, for a filter's choices; rendered by the server with the page. */
export function injectAgencyChoices() {
  const api = injectApi();
  return queryResource({ id: 'admin.agencies.list', loader: () => api.agencies.list.query() });
}
