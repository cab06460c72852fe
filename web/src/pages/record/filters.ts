import type { QueryOf } from '../../api/client.ts';

/**
 * The record page's filters, kept in the page's address so a link shows the same entries:
 * `?action=a&action=b&subjectType=proposal&subjectId=…&actor=…&state=BY&from=2026-03-01&to=2026-03-31`.
 * Days are the reader's own calendar days; the API is asked for the instants they start and end.
 */
export interface RecordFilters {
  actions: string[];
  subjectType: string | null;
  subjectId: string | null;
  actor: string | null;
  state: string | null;
  /** First day (YYYY-MM-DD), included. */
  from: string | null;
  /** Last day (YYYY-MM-DD), included. */
  to: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The kinds of subject the record speaks of, in the order the filter lists them. */
export const SUBJECT_TYPES = [
  'proposal',
  'procedure',
  'decision',
  'delegation',
  'clearance_request',
  'deployment',
  'standing_permission',
  'asset_list',
  'webhook',
  'user',
  'username',
  'api_token',
  'organisation',
  'backup',
] as const;

export function filtersFromParams(params: URLSearchParams): RecordFilters {
  const one = (key: string) => params.get(key)?.trim() || null;
  const day = (key: string) => {
    const value = one(key);
    return value && DAY.test(value) ? value : null;
  };
  const actions = params
    .getAll('action')
    .flatMap((a) => a.split(','))
    .map((a) => a.trim())
    .filter(Boolean);
  const subjectType = one('subjectType');
  return {
    actions: [...new Set(actions)],
    subjectType,
    subjectId: subjectType ? one('subjectId') : null,
    actor: one('actor'),
    state: one('state'),
    from: day('from'),
    to: day('to'),
  };
}

/** The filters as the page's address query (unset filters left out). */
export function filtersToParams(filters: RecordFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const action of filters.actions) params.append('action', action);
  const set = (key: string, value: string | null) => {
    if (value) params.set(key, value);
  };
  set('subjectType', filters.subjectType);
  if (filters.subjectType) set('subjectId', filters.subjectId);
  set('actor', filters.actor);
  set('state', filters.state);
  set('from', filters.from);
  set('to', filters.to);
  return params;
}

export const hasFilters = (f: RecordFilters) =>
  f.actions.length > 0 || Boolean(f.subjectType || f.actor || f.state || f.from || f.to);

/** The instant a local calendar day starts, or (end) its last millisecond. */
function dayInstant(day: string, end: boolean): string {
  const [y, m, d] = day.split('-').map(Number);
  const at = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d, 0, 0, 0, 0);
  return at.toISOString();
}

/** The query of `GET /api/ledger` for the filters and a page (unset filters left out). */
export function apiQuery(
  filters: RecordFilters,
  page: { before?: number | null; limit: number },
): QueryOf<'/api/ledger'> {
  const query: QueryOf<'/api/ledger'> = { limit: page.limit };
  if (page.before) query.before = page.before;
  if (filters.actions.length) query.action = filters.actions.join(',');
  if (filters.subjectType) query.subjectType = filters.subjectType;
  if (filters.subjectType && filters.subjectId) query.subjectId = filters.subjectId;
  if (filters.actor) query.actor = filters.actor;
  if (filters.state) query.state = filters.state;
  if (filters.from) query.from = dayInstant(filters.from, false);
  if (filters.to) query.to = dayInstant(filters.to, true);
  return query;
}

/** The first characters of an id, enough to tell subjects apart; other ids (a name, a code) whole. */
export function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(id) ? id.slice(0, 8) : id;
}
