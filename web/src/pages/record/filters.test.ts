import { describe, expect, it } from 'vitest';
import { apiQuery, filtersFromParams, filtersToParams, hasFilters, shortId } from './filters.ts';

describe('the record filters in the address', () => {
  it('reads repeated and comma-separated actions, and drops what is malformed', () => {
    const f = filtersFromParams(
      new URLSearchParams(
        'action=auth.signed_in,stance.given&action=stance.given&subjectId=x&actor=a1&from=2026-03-01&to=March',
      ),
    );
    expect(f).toEqual({
      actions: ['auth.signed_in', 'stance.given'],
      subjectType: null,
      subjectId: null, // an id means nothing without its type
      actor: 'a1',
      state: null,
      from: '2026-03-01',
      to: null,
    });
  });

  it('writes the filters back so a shared link shows the same entries', () => {
    const query =
      'action=proposal.created&action=stance.given&subjectType=proposal&subjectId=p1&actor=u1&state=BY&from=2026-03-01&to=2026-03-31';
    const f = filtersFromParams(new URLSearchParams(query));
    expect(filtersToParams(f).toString()).toBe(query);
    expect(hasFilters(f)).toBe(true);
    expect(hasFilters(filtersFromParams(new URLSearchParams('')))).toBe(false);
  });

  it('asks the API for the instants the reader’s days start and end', () => {
    const f = filtersFromParams(new URLSearchParams('from=2026-03-01&to=2026-03-02&action=a.b,c.d'));
    const q = apiQuery(f, { before: 40, limit: 50 });
    expect(q).toEqual({
      from: new Date(2026, 2, 1, 0, 0, 0, 0).toISOString(),
      to: new Date(2026, 2, 2, 23, 59, 59, 999).toISOString(),
      action: 'a.b,c.d',
      before: 40,
      limit: 50,
    });
    expect(apiQuery(filtersFromParams(new URLSearchParams('')), { limit: 50 })).toEqual({ limit: 50 });
  });

  it('shortens UUIDs only', () => {
    expect(shortId('5b770e8e-92f8-49e2-9a5c-8e91f994edcb')).toBe('5b770e8e');
    expect(shortId('BY')).toBe('BY');
  });
});
