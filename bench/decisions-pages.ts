import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { systemActor } from '../src/core/actor.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { buildApp } from '../src/http/app.ts';
import { openProcedure } from '../src/modules/decisions/procedures.ts';
import { createProposal, updateProposal } from '../src/modules/decisions/proposals.ts';
import {
  CreateProposalInput,
  OpenProcedureInput,
  UpdateProposalInput,
} from '../src/modules/decisions/schema.ts';
import { giveStances } from '../src/modules/decisions/stances.ts';
import { LiveHub } from '../src/modules/live/hub.ts';
import {
  BODY,
  type BulkProposal,
  bulkProposals,
  type Fate,
  formatMs,
  type Head,
  percentile,
  proposalText,
  STATES,
  setUpHeads,
} from './decisions-setup.ts';
import type { BenchRow } from './report.ts';
import { type BenchTarget, freshDatabase } from './target.ts';

export interface PagesOptions {
  /** Proposals in the database for the list. */
  proposals: number;
  /** Points of the proposal whose page is read (six states answer each). */
  points: number;
  /** Measured requests per page (after a few to warm up). */
  requests: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Of every ten proposals: two drafts, one open, two not adopted, five adopted. */
const FATES: Fate[] = [
  'draft',
  'draft',
  'open',
  'not_adopted',
  'not_adopted',
  'adopted',
  'adopted',
  'adopted',
  'adopted',
  'adopted',
];

/**
 * Server time per request, in-process (`app.request`, a head of delegation's bearer
 * token: authentication, validation, the policy, the queries, presenting, JSON) for the
 * proposal list over `proposals` proposals (GET /api/proposals, the default filter: the
 * first page of 50), and for the page of a proposal with `points` points answered by six
 * states (GET /api/proposals/{id} and GET /api/procedures/{id}). The limit for each is the
 * time of one bare SELECT of the same rows on the same pool.
 */
export async function benchDecisionPages(
  target: BenchTarget,
  options: PagesOptions,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const handle = await freshDatabase(target, 10);
  const live = new LiveHub(handle);
  try {
    const heads = await setUpHeads(handle);
    const started = performance.now();
    await bulkProposals(handle.db, listOfProposals(options.proposals));
    const page = await answeredProposal(handle, heads, options.points);
    await sql`analyze`.execute(handle.db);
    log(
      `decisions-pages: ${options.proposals} proposals (drafts, open, adopted, not adopted) and one of ${options.points} points × 6 states written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await live.start();
    const app = buildApp({ handle, config: { ...loadConfig({}), bodyLimit: 64 * 1024 }, live });
    const reader = heads.find((h) => h.state === 'BY')!;

    const get = (path: string, check: (body: unknown) => string | null) => async () => {
      const res = await app.request(path, { headers: { authorization: `Bearer ${reader.token}` } });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`decisions-pages: GET ${path} answered ${res.status}: ${text}`);
      const problem = check(JSON.parse(text));
      if (problem) throw new Error(`decisions-pages: GET ${path}: ${problem}`);
    };
    const history = options.points * 6 + 5 * 6;
    const pages = [
      {
        name: `proposal list (GET /api/proposals, default filter, ${options.proposals.toLocaleString('en-GB')} proposals)`,
        api: get('/api/proposals', (b) => {
          const items = (b as { items: unknown[] }).items;
          return items.length === 50 ? null : `${items.length} items, not 50`;
        }),
        bare: () =>
          sql`
          select p.*, op.id as procedure_id, op.kind as procedure_kind, op.deadline,
                 d.id as decision_id, d.number as decision_number, d.year as decision_year
          from proposals p
          left join procedures op on op.proposal_id = p.id and op.status = 'open'
          left join decisions d on d.proposal_id = p.id
          order by p.updated_at desc, p.id limit 51`.execute(handle.db),
      },
      {
        name: `proposal page (GET /api/proposals/{id}, ${options.points} points, 6 states)`,
        api: get(`/api/proposals/${page.proposal}`, (b) => {
          const points = (b as { proposal: { points: unknown[] } }).proposal.points;
          return points.length === options.points ? null : `${points.length} points`;
        }),
        bare: () =>
          sql`
          select (select row_to_json(p) from proposals p where p.id = ${page.proposal}) as proposal,
                 (select json_agg(v order by v.version) from proposal_versions v
                   where v.proposal_id = ${page.proposal}) as versions,
                 (select json_agg(pr order by pr.opened_at) from procedures pr
                   where pr.proposal_id = ${page.proposal}) as procedures,
                 (select json_agg(s order by s.id) from stances s
                   where s.procedure_id = ${page.procedure} and s.superseded_at is null) as current`.execute(
            handle.db,
          ),
      },
      {
        name: `procedure page (GET /api/procedures/{id}, ${options.points} points × 6 states, ${history} stances)`,
        api: get(`/api/procedures/${page.procedure}`, (b) => {
          const p = (b as { procedure: { board: unknown[]; history: unknown[] } }).procedure;
          return p.board.length === 6 && p.history.length === history
            ? null
            : `${p.board.length} states, ${p.history.length} stances`;
        }),
        bare: () =>
          sql`
          select (select row_to_json(pr) from procedures pr where pr.id = ${page.procedure}) as procedure,
                 (select row_to_json(v) from proposal_versions v
                   where v.proposal_id = ${page.proposal} and v.version = 2) as version,
                 (select json_agg(s order by s.id) from stances s
                   where s.procedure_id = ${page.procedure}) as history`.execute(handle.db),
      },
    ];

    const rows: BenchRow[] = [];
    for (const p of pages) {
      const api = await timeEach(p.api, options.requests);
      const bare = await timeEach(p.bare, options.requests);
      const apiMedian = percentile(api, 50);
      const bareMedian = percentile(bare, 50);
      log(
        `decisions-pages: ${p.name}: median ${formatMs(apiMedian)}, p95 ${formatMs(percentile(api, 95))}; bare SELECT median ${formatMs(bareMedian)}, p95 ${formatMs(percentile(bare, 95))}`,
      );
      rows.push({
        benchmark: `${p.name} (${handle.kind}, ${options.requests} requests)`,
        measured: `median ${formatMs(apiMedian)}, p95 ${formatMs(percentile(api, 95))}`,
        limit: `bare SELECT ${formatMs(bareMedian)}`,
        ratio: apiMedian / bareMedian,
        ratioUnit: '×',
        lowerIsBetter: true,
      });
    }
    return rows;
  } finally {
    await live.stop();
    await handle.close();
  }
}

/** Times `count` sequential calls after five to warm up, in ms each. */
async function timeEach(fn: () => Promise<unknown>, count: number): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** Proposals of the last few months, every fate among them; the newest were written five days ago. */
function listOfProposals(count: number): BulkProposal[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const fate = FATES[i % FATES.length];
    const createdAt = new Date(now - 5 * DAY - (count - i) * 20 * 60_000);
    const openedAt = new Date(createdAt.getTime() + DAY);
    const deadline =
      fate === 'open' ? new Date(now + ((i % 72) + 1) * HOUR) : new Date(openedAt.getTime() + 2 * DAY);
    return {
      title: `Proposal ${i + 1} on ${['border security', 'joint exercises', 'information security', 'crisis response'][i % 4]}`,
      text: proposalText(i),
      points: Array.from(
        { length: (i % 3) + 1 },
        (_, p) => `Point ${p + 1}: the Council agrees to measure ${i}.${p + 1}.`,
      ),
      classification: i % 7 === 0 ? 1 : 0,
      priority: i % 5 === 0 ? 'first' : null,
      createdAt,
      fate,
      ...(fate === 'draft' ? {} : { openedAt, deadline }),
      ...(fate === 'not_adopted' ? { objector: STATES[i % STATES.length] } : {}),
    };
  });
}

/**
 * The page to read, written through the real commands: a proposal of `points` points,
 * edited once (two versions), under an open unanimity vote; each of the six heads answers
 * every point, then changes five answers (the history keeps both).
 */
async function answeredProposal(
  handle: DbHandle,
  heads: Head[],
  points: number,
): Promise<{ proposal: string; procedure: string }> {
  const chair = systemActor('bench chair');
  const pointTexts = (v: number) =>
    Array.from({ length: points }, (_, p) => ({
      text: `Point ${p + 1} (version ${v}): the Council agrees.`,
    }));
  const { proposal, procedure } = await handle.db.transaction().execute(async (trx) => {
    const row = await createProposal(
      trx,
      chair,
      CreateProposalInput.parse({
        body: BODY,
        title: 'Declaration of the summit: 15 points',
        text: proposalText(0),
        points: pointTexts(1),
      }),
    );
    await updateProposal(trx, chair, row.id, UpdateProposalInput.parse({ points: pointTexts(2) }));
    const deadline = new Date(Date.now() + 2 * DAY).toISOString();
    const opened = await openProcedure(
      trx,
      chair,
      row.id,
      OpenProcedureInput.parse({ kind: 'unanimity', deadline }),
    );
    return { proposal: row.id, procedure: opened.id };
  });
  const keys = Array.from({ length: points }, (_, p) => String(p + 1));
  for (const [h, head] of heads.entries()) {
    const stances = keys.map((point, p) =>
      (p + h) % 7 === 0
        ? { point, kind: 'reservation' as const, text: `${head.state} reads point ${point} narrowly.` }
        : { point, kind: (p + h) % 5 === 0 ? ('abstain' as const) : ('agree' as const) },
    );
    await handle.db.transaction().execute((trx) => giveStances(trx, head.actor, procedure, { stances }));
  }
  for (const head of heads) {
    const stances = keys.slice(0, 5).map((point) => ({ point, kind: 'agree' as const }));
    await handle.db.transaction().execute((trx) => giveStances(trx, head.actor, procedure, { stances }));
  }
  return { proposal, procedure };
}
