import { type Actor, personFromRow } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import type { UserRow } from '../../db/schema.ts';
import type { ReportRow } from '../../db/schema-reports.ts';
import { buildUser } from '../../testing/harness.ts';
import { fileReport, moveReport } from './commands.ts';
import { CreateReportInput } from './schema.ts';

/** Test factories of the monitoring module; they make what they need. */

/** The people the report tests use (in MONITORING, src/modules/directory/organisation-file.fixtures.ts). */
export async function buildReportPeople(handle: DbHandle) {
  return {
    monitor: await buildUser(handle, {
      role: 'point_of_contact',
      affiliation: 'secretariat',
      accessLevel: 'confidential',
    }),
    reviewer: await buildUser(handle, {
      role: 'point_of_contact',
      affiliation: 'secretariat',
      accessLevel: 'secret',
    }),
    juniorReviewer: await buildUser(handle, {
      role: 'point_of_contact',
      affiliation: 'secretariat',
      accessLevel: 'restricted',
    }),
    byFocal: await buildUser(handle, {
      role: 'point_of_contact',
      stateCode: 'BY',
      accessLevel: 'confidential',
    }),
    byHead: await buildUser(handle, {
      role: 'head_of_delegation',
      stateCode: 'BY',
      accessLevel: 'confidential',
    }),
    amHead: await buildUser(handle, {
      role: 'head_of_delegation',
      stateCode: 'AM',
      accessLevel: 'confidential',
    }),
    tjPublic: await buildUser(handle, { role: 'delegate', stateCode: 'TJ', accessLevel: 'public' }),
    observer: await buildUser(handle, { role: 'observer', partnerCode: 'UN', accessLevel: 'secret' }),
  };
}
export type ReportPeople = Awaited<ReturnType<typeof buildReportPeople>>;

/** A report's body as POST /api/reports takes it: an armed clash in the south an hour ago. */
export function reportBody(overrides: Record<string, unknown> = {}, now = new Date()) {
  return {
    title: 'Exchange of fire at the border post',
    description: 'Two patrols exchanged fire for about twenty minutes.',
    category: 'armed-clash',
    occurredAt: new Date(now.getTime() - 3_600_000).toISOString(),
    timePrecision: 'exact',
    point: { latitude: 37.345678, longitude: 69.012345, precision: 'exact' },
    place: { name: 'Pyanj', distanceKm: 4, direction: 'SE' },
    state: 'TJ',
    actors: ['Border guards of TJ', 'Unidentified armed group'],
    fatalities: 1,
    injured: 3,
    source: { name: 'Village elder', reliability: 'B', credibility: 2 },
    classification: 'restricted',
    ...overrides,
  };
}

const asActor = (who: UserRow | Actor): Actor => ('kind' in who ? who : personFromRow(who));

/** A report filed by `by`, then moved on to `status` by `reviewer` (submitted unless said otherwise). */
export async function buildReport(
  handle: DbHandle,
  spec: {
    by: UserRow;
    reviewer?: UserRow;
    status?: 'draft' | 'submitted' | 'under_review' | 'verified' | 'published';
    to?: 'members' | 'partners';
    body?: Record<string, unknown>;
    now?: Date;
  },
): Promise<ReportRow> {
  const status = spec.status ?? 'submitted';
  const now = spec.now ?? new Date();
  const input = CreateReportInput.parse({ ...reportBody(spec.body, now), submit: status !== 'draft' });
  return handle.db.transaction().execute(async (trx) => {
    let row = await fileReport(trx, asActor(spec.by), input, now);
    const steps = {
      submitted: [],
      draft: [],
      under_review: ['review'],
      verified: ['verify'],
      published: ['verify', 'publish'],
    } as const;
    for (const step of steps[status]) {
      if (!spec.reviewer) throw new Error('a reviewer moves a report on');
      row = await moveReport(trx, asActor(spec.reviewer), row.id, step, { to: spec.to }, now);
    }
    return row;
  });
}
