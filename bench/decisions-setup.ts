/**
 * What the decisions benchmarks share: an organisation of six member states, their heads
 * of delegation with API tokens, and a bulk writer that lays down proposals, procedures,
 * stances, decisions and their chained record entries with multi-row INSERTs — the same
 * rows the commands write (createProposal, openProcedure, breakSilence, the deadline
 * runner's recordOutcome), only thousands per statement instead of one transaction each.
 */
import { randomUUID } from 'node:crypto';
import { type Insertable, sql } from 'kysely';
import {
  type Actor,
  actorDelegation,
  actorLabel,
  classificationName,
  personFromRow,
  systemActor,
} from '../src/core/actor.ts';
import type { Db, DbHandle } from '../src/db/connect.ts';
import type { LedgerEntriesTable, PointText, UserRow } from '../src/db/schema.ts';
import { createToken } from '../src/modules/auth/commands.ts';
import {
  computeOutcome,
  type Outcome,
  type Rule,
  type StanceKind,
} from '../src/modules/decisions/outcome.ts';
import { loadOrganisation } from '../src/modules/directory/commands.ts';
import { parseOrganisationFile } from '../src/modules/directory/organisation-file.ts';
import type { LedgerAction } from '../src/modules/ledger/actions.ts';
import { entryHash, normalisePayload, payloadHash } from '../src/modules/ledger/hash.ts';
import { buildUser } from '../src/testing/harness.ts';

export const STATES = ['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ'] as const;
export const BODY = 'council';

/** Six member states, one council where all sit; BY presides. */
export const BENCH_ORGANISATION = `
organisation:
  shortName: { en: BO, ru: БО }
  name: { en: Bench Organisation, ru: Организация для замеров }
  workingLanguages: [en, ru]
  timeZone: Europe/Moscow
memberStates:
  - { code: AM, name: { en: Armenia, ru: Армения }, timeZone: Asia/Yerevan }
  - { code: BY, name: { en: Belarus, ru: Беларусь }, timeZone: Europe/Minsk }
  - { code: KZ, name: { en: Kazakhstan, ru: Казахстан }, timeZone: Asia/Almaty }
  - { code: KG, name: { en: Kyrgyzstan, ru: Кыргызстан }, timeZone: Asia/Bishkek }
  - { code: RU, name: { en: Russia, ru: Россия }, timeZone: Europe/Moscow }
  - { code: TJ, name: { en: Tajikistan, ru: Таджикистан }, timeZone: Asia/Dushanbe }
bodies:
  - { code: council, kind: council, name: { en: Council, ru: Совет }, members: all }
partners:
  - { code: UN, shortName: { en: UN, ru: ООН }, name: { en: United Nations, ru: Организация Объединённых Наций } }
presidency:
  state: BY
  from: 2026-01-01
  to: 2026-12-31
  slogan: { en: Together, ru: Вместе }
  priorities:
    - code: first
      title: { en: First priority, ru: Первый приоритет }
      items: [{ en: One, ru: Один }]
`;

export interface Head {
  state: string;
  user: UserRow;
  actor: Actor;
  token: string;
}

/** Loads the six-state organisation into a fresh database. */
export async function loadBenchOrganisation(handle: DbHandle) {
  await handle.db
    .transaction()
    .execute((trx) =>
      loadOrganisation(trx, systemActor('bench'), parseOrganisationFile(BENCH_ORGANISATION), 'bench'),
    );
}

/** Loads the organisation and makes the six heads of delegation, each with an API token. */
export async function setUpHeads(handle: DbHandle): Promise<Head[]> {
  await loadBenchOrganisation(handle);
  return headsWithTokens(handle, STATES, async (state) =>
    buildUser(handle, { role: 'head_of_delegation', stateCode: state, accessLevel: 'confidential' }),
  );
}

/** API tokens for the given users (one per state), made through the real command. */
export async function headsWithTokens(
  handle: DbHandle,
  states: readonly string[],
  user: (state: string) => Promise<UserRow>,
): Promise<Head[]> {
  const heads: Head[] = [];
  for (const state of states) {
    const row = await user(state);
    const actor = personFromRow(row);
    const { token } = await handle.db
      .transaction()
      .execute((trx) => createToken(trx, actor, { name: 'bench' }));
    heads.push({ state, user: row, actor, token });
  }
  return heads;
}

// ---- statistics ---------------------------------------------------------------------

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

export const formatMs = (ms: number) =>
  `${ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-GB')} ms`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- the record in bulk ------------------------------------------------------------

export interface EntryToWrite {
  at: Date;
  actor: Actor;
  action: LedgerAction;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
  classification: number;
  audience: string[] | null;
}

/**
 * Puts entries in the record as appendEntry and the sequencer would, one chain, but many
 * rows per INSERT: the head is locked, each entry gets a record id, the next number and is
 * linked to the one before, and the head moves once. No NOTIFY (nothing listens while the
 * benches build).
 */
export async function writeEntries(
  trx: Db,
  entries: EntryToWrite[],
): Promise<{ seq: number; hash: string; recordId: number }[]> {
  const head = await sql<{ seq: number; hash: string }>`
    select seq, hash from ledger_head where id = 1 for update`.execute(trx);
  // Record ids from the pending entries' sequence, as the writers' would be.
  const ids = await sql<{ id: number }>`
    select nextval(pg_get_serial_sequence('ledger_pending', 'id')) as id
    from generate_series(1, ${entries.length}::int)`.execute(trx);
  let seq = Number(head.rows[0].seq);
  let prevHash = head.rows[0].hash;
  const written: { seq: number; hash: string; recordId: number }[] = [];
  const rows: Insertable<LedgerEntriesTable>[] = [];
  for (const e of entries) {
    seq++;
    const payload = normalisePayload(e.payload);
    const fields = {
      seq,
      at: e.at.toISOString(),
      actorId: e.actor.kind === 'person' ? e.actor.id : null,
      actorLabel: actorLabel(e.actor),
      delegation: actorDelegation(e.actor),
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      classification: e.classification,
      audience: e.audience,
      payloadHash: payloadHash(payload),
      prevHash,
    };
    const hash = entryHash(fields);
    rows.push({
      seq,
      at: fields.at,
      actor_id: fields.actorId,
      actor_label: fields.actorLabel,
      delegation: fields.delegation,
      action: fields.action,
      subject_type: fields.subjectType,
      subject_id: fields.subjectId,
      classification: fields.classification,
      audience: fields.audience,
      payload: JSON.stringify(payload),
      payload_hash: fields.payloadHash,
      prev_hash: prevHash,
      hash,
      record_id: Number(ids.rows[written.length].id),
    });
    written.push({ seq, hash, recordId: Number(ids.rows[written.length].id) });
    prevHash = hash;
  }
  for (let i = 0; i < rows.length; i += 1000)
    await trx
      .insertInto('ledger_entries')
      .values(rows.slice(i, i + 1000))
      .execute();
  if (rows.length)
    await sql`update ledger_head set seq = ${seq}, hash = ${prevHash} where id = 1`.execute(trx);
  return written;
}

// ---- proposals in bulk -------------------------------------------------------------

/** Where a bulk proposal stands: a draft, open under a silence procedure, or closed at its expiry. */
export type Fate = 'draft' | 'open' | 'adopted' | 'not_adopted';

export interface BulkProposal {
  title: string;
  text: string;
  points: string[];
  classification?: number;
  priority?: string | null;
  createdAt: Date;
  fate: Fate;
  /** The silence procedure (all fates but draft). */
  openedAt?: Date;
  deadline?: Date;
  /** A state that broke silence (an objection on every point), an hour after opening. */
  objector?: string;
}

export interface BulkResult {
  proposalIds: string[];
  /** The procedure of each proposal, null for a draft. */
  procedureIds: (string | null)[];
}

const SILENCE_RULE: Rule = { kind: 'silence', excludedParties: [] };
const RUNNER = systemActor('deadline runner');

const verdictSummary = (verdict: Outcome['points'][number]['verdict']) =>
  verdict.adopted
    ? { adopted: true, reason: verdict.reason, detail: null }
    : { adopted: false, reason: verdict.reason, detail: verdict.detail };

/**
 * Writes proposals (version 1, by `actor` for the secretariat) and, unless a draft, a
 * silence procedure on each with the rows and entries openProcedure writes; an objector's
 * stances and `silence.broken`; for closed ones the outcome (computed by the real outcome
 * function), `procedure.closed`, and for adopted ones the numbered decision with
 * `decision.published`. `chunk` proposals per transaction.
 */
export async function bulkProposals(
  db: Db,
  items: BulkProposal[],
  opts: { actor?: Actor; eligible?: readonly string[]; chunk?: number } = {},
): Promise<BulkResult> {
  const actor = opts.actor ?? systemActor('bench');
  const eligible = [...(opts.eligible ?? STATES)];
  const chunk = opts.chunk ?? 2000;
  const result: BulkResult = { proposalIds: [], procedureIds: [] };
  const years = new Map<number, number>();
  const last = await db.selectFrom('decision_numbers').selectAll().execute();
  for (const r of last) years.set(r.year, r.last_number);

  for (let from = 0; from < items.length; from += chunk) {
    const slice = items.slice(from, from + chunk);
    const proposals: Record<string, unknown>[] = [];
    const versions: Record<string, unknown>[] = [];
    const procedures: Record<string, unknown>[] = [];
    const stances: Record<string, unknown>[] = [];
    const entries: (EntryToWrite & { decision?: Record<string, unknown> })[] = [];
    for (const item of slice) {
      const id = randomUUID();
      const classification = item.classification ?? 0;
      const points: PointText[] = item.points.map((text, i) => ({ key: String(i + 1), text }));
      const keys = points.map((p) => p.key);
      const entry = { classification, audience: eligible };
      let procedureId: string | null = null;
      let updatedAt = item.createdAt;
      entries.push({
        at: item.createdAt,
        actor,
        action: 'proposal.created',
        subjectType: 'proposal',
        subjectId: id,
        payload: {
          body: BODY,
          version: 1,
          title: item.title,
          text: item.text,
          points,
          authorState: null,
          priority: item.priority ?? null,
          classification: classificationName(classification),
        },
        ...entry,
      });
      versions.push({
        proposal_id: id,
        version: 1,
        title: item.title,
        text: item.text,
        points: JSON.stringify(points),
        origin: 'draft',
        origin_state: null,
        origin_procedure_id: null,
        created_by: actor.kind === 'person' ? actor.id : null,
        created_by_label: actorLabel(actor),
        created_at: item.createdAt,
      });
      if (item.fate !== 'draft') {
        if (!item.openedAt || !item.deadline) throw new Error('a procedure needs openedAt and deadline');
        procedureId = randomUUID();
        updatedAt = item.openedAt;
        const byState: Record<string, StanceKind> = {};
        entries.push({
          at: item.openedAt,
          actor,
          action: 'procedure.opened',
          subjectType: 'procedure',
          subjectId: procedureId,
          payload: {
            proposalId: id,
            version: 1,
            kind: 'silence',
            rule: SILENCE_RULE,
            eligible,
            points: keys,
            deadline: item.deadline,
            extensionHours: null,
          },
          ...entry,
        });
        if (item.objector) {
          const at = new Date(item.openedAt.getTime() + 3_600_000);
          const text = `${item.objector} objects to the draft as it stands`;
          for (const key of keys) {
            stances.push({
              procedure_id: procedureId,
              point: key,
              state_code: item.objector,
              kind: 'object',
              text,
              given_by: null,
              given_by_label: `${item.objector.toLowerCase()}.head`,
              given_at: at,
              superseded_at: null,
              amendment_version: null,
            });
            byState[key] = 'object';
          }
          entries.push({
            at,
            actor,
            action: 'silence.broken',
            subjectType: 'procedure',
            subjectId: procedureId,
            payload: {
              proposalId: id,
              state: item.objector,
              onBehalf: true,
              stances: keys.map((point) => ({ point, kind: 'object', text, amendmentVersion: null })),
            },
            ...entry,
          });
        }
        let closed: Record<string, unknown> = {
          status: 'open',
          closed_at: null,
          closed_by_label: null,
          result: null,
          outcome: null,
        };
        if (item.fate === 'adopted' || item.fate === 'not_adopted') {
          const stanceMap = Object.fromEntries(
            keys.map((k) => [k, item.objector ? { [item.objector]: byState[k] } : {}]),
          );
          const outcome = computeOutcome({ rule: SILENCE_RULE, eligible, points: keys, stances: stanceMap });
          if (outcome.result !== item.fate)
            throw new Error(`bulk: a ${item.fate} proposal computed as ${outcome.result}`);
          updatedAt = item.deadline;
          closed = {
            status: 'closed',
            closed_at: item.deadline,
            closed_by_label: actorLabel(RUNNER),
            result: outcome.result,
            outcome: JSON.stringify(outcome),
          };
          entries.push({
            at: item.deadline,
            actor: RUNNER,
            action: 'procedure.closed',
            subjectType: 'procedure',
            subjectId: procedureId,
            payload: {
              proposalId: id,
              version: 1,
              kind: 'silence',
              result: outcome.result,
              points: outcome.points.map((p) => ({ point: p.point, verdict: p.verdict, tally: p.tally })),
            },
            ...entry,
          });
          if (outcome.result === 'adopted') {
            const year = item.deadline.getUTCFullYear();
            const number = (years.get(year) ?? 0) + 1;
            years.set(year, number);
            const decisionId = randomUUID();
            const verdicts = new Map(outcome.points.map((p) => [p.point, p.verdict]));
            const decidedPoints = points.map((p) => ({
              key: p.key,
              text: p.text,
              ...verdictSummary(verdicts.get(p.key)!),
            }));
            const board = keys.flatMap((point) =>
              eligible.map((state) => ({ state, point, kind: byState[point] ?? 'no_answer' })),
            );
            const content = {
              decisionId,
              number,
              year,
              label: `No. ${number}, ${year}`,
              procedureId,
              proposalId: id,
              version: 1,
              title: item.title,
              text: item.text,
              points: decidedPoints,
              statements: [],
              stances: board,
              result: 'adopted',
              adoptedAt: item.deadline.toISOString(),
            };
            entries.push({
              at: item.deadline,
              actor: RUNNER,
              action: 'decision.published',
              subjectType: 'decision',
              subjectId: decisionId,
              payload: content,
              ...entry,
              decision: {
                id: decisionId,
                procedure_id: procedureId,
                proposal_id: id,
                year,
                number,
                title: item.title,
                text: item.text,
                points: JSON.stringify(decidedPoints),
                statements: '[]',
                stances: JSON.stringify(board),
                result: 'adopted',
                adopted_at: item.deadline,
              },
            });
          }
        }
        procedures.push({
          id: procedureId,
          proposal_id: id,
          version: 1,
          kind: 'silence',
          rule: JSON.stringify(SILENCE_RULE),
          eligible,
          points: keys,
          deadline: item.deadline,
          extension_hours: null,
          opened_by: actor.kind === 'person' ? actor.id : null,
          opened_by_label: actorLabel(actor),
          opened_at: item.openedAt,
          ...closed,
        });
      }
      proposals.push({
        id,
        body_code: BODY,
        title: item.title,
        classification,
        author_state: null,
        priority_code: item.priority ?? null,
        status: item.fate,
        latest_version: 1,
        created_by: actor.kind === 'person' ? actor.id : null,
        created_at: item.createdAt,
        updated_at: updatedAt,
      });
      result.proposalIds.push(id);
      result.procedureIds.push(procedureId);
    }
    // The record in time order, as the commands would have written it.
    entries.sort((a, b) => a.at.getTime() - b.at.getTime());
    await db.transaction().execute(async (trx) => {
      const insert = async (table: string, rows: Record<string, unknown>[], per = 500) => {
        for (let i = 0; i < rows.length; i += per)
          await trx
            .insertInto(table as 'proposals')
            .values(rows.slice(i, i + per) as never)
            .execute();
      };
      await insert('proposals', proposals);
      await insert('proposal_versions', versions);
      await insert('procedures', procedures);
      await insert('stances', stances);
      const written = await writeEntries(trx, entries);
      const decisions = entries.flatMap((e, i) =>
        e.decision ? [{ ...e.decision, record_id: written[i].recordId }] : [],
      );
      await insert('decisions', decisions);
    });
  }
  for (const [year, number] of years)
    await sql`insert into decision_numbers (year, last_number) values (${year}, ${number})
      on conflict (year) do update set last_number = greatest(decision_numbers.last_number, excluded.last_number)`.execute(
      db,
    );
  return result;
}

/** A line of Markdown text of about the length of a real proposal's preamble. */
export const proposalText = (i: number) =>
  `The Council, recalling its earlier decisions (item ${i}), and **noting** the proposals of the Secretariat,\n\n` +
  'decides to approve the measures set out below, and asks the Secretariat to report on their implementation ' +
  'at the next regular session.';
