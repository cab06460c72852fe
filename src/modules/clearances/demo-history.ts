import { type Person, personFromRow } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { acceptConditions, decideEscalated, decideLeg } from './legs/commands.ts';
import { applyDueSilences } from './legs/tacit.ts';
import { createRequest } from './requests/commands.ts';
import { CreateRequestInput, DecideLegInput, type Urgency } from './schema.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const USERS = [
  'by.delegate',
  'by.head',
  'ru.head',
  'kz.head',
  'kg.head',
  'tj.head',
  'secretariat.admin',
] as const;
type DemoUser = (typeof USERS)[number];

/** Who answers for each state in the demo, and how many hours it usually takes (routine). */
const DECIDERS: Record<string, { user: DemoUser; hours: number }> = {
  BY: { user: 'by.head', hours: 3 },
  RU: { user: 'ru.head', hours: 14 },
  KZ: { user: 'kz.head', hours: 8 },
  KG: { user: 'kg.head', hours: 20 },
  TJ: { user: 'tj.head', hours: 30 },
};
/** A state answers this share of its usual time in an urgent or an emergency case. */
const URGENCY_FACTOR: Record<Urgency, number> = { routine: 1, urgent: 0.35, emergency: 0.12 };

interface Route {
  requester: DemoUser;
  title: string;
  /** [state, entry point, exit point or null when it hosts] in order. */
  legs: [string, string, string | null][];
}

const ROUTES: Route[] = [
  {
    requester: 'by.delegate',
    title: 'Engineer company to the Smolensk range',
    legs: [
      ['BY', 'BY-MSQ', 'BY-RU-REDKI'],
      ['RU', 'BY-RU-REDKI', null],
    ],
  },
  {
    requester: 'ru.head',
    title: 'Air-defence battery to the Kant air base',
    legs: [
      ['RU', 'RU-CKL', 'RU-KZ-TROITSK'],
      ['KZ', 'RU-KZ-TROITSK', 'KZ-KG-KORDAY'],
      ['KG', 'KZ-KG-KORDAY', null],
    ],
  },
  {
    requester: 'kz.head',
    title: 'Peacekeeping rotation to Dushanbe',
    legs: [
      ['KZ', 'KZ-NQZ', 'KZ-KG-KORDAY'],
      ['KG', 'KZ-KG-KORDAY', 'KG-TJ-KARAMYK'],
      ['TJ', 'KG-TJ-KARAMYK', null],
    ],
  },
];

/** Deterministic spread (0.45 … 1.75) so the demo's figures look the same on every install. */
const spread = (i: number) => 0.45 + (((i * 7919) % 97) / 96) * 1.3;

/**
 * Past movements for the timeliness figures: requests over the last eight weeks along three
 * routes, every state answering after its usual time (shorter when urgent), some staying
 * silent so that their window's rule applies (consent, or escalation to the secretariat,
 * which then decides), some approving with an escort condition the requester accepts. Made
 * through the real commands with instants in the past. Returns how many requests it made.
 */
export async function loadDemoHistory(db: Db, now = new Date()): Promise<number> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('username', 'in', [...USERS])
    .execute();
  if (rows.length !== USERS.length) return 0;
  const as = Object.fromEntries(rows.map((r) => [r.username, personFromRow(r)])) as Record<DemoUser, Person>;
  const tx = <T>(fn: (trx: Db) => Promise<T>) => db.transaction().execute(fn);
  const urgencies: Urgency[] = [
    'routine',
    'urgent',
    'routine',
    'emergency',
    'routine',
    'urgent',
    'routine',
    'routine',
    'urgent',
  ];
  let made = 0;
  for (const [i, urgency] of urgencies.entries()) {
    const route = ROUTES[i % ROUTES.length];
    const submitted = new Date(now.getTime() - (58 - 6 * i) * DAY);
    const at = (hours: number) => new Date(submitted.getTime() + hours * HOUR);
    const windowAt = (from: number) => ({ from: at(from).toISOString(), to: at(from + 10).toISOString() });
    const start = urgency === 'emergency' ? 8 : urgency === 'urgent' ? 30 : 80;
    const request = await tx((trx) =>
      createRequest(
        trx,
        as[route.requester],
        CreateRequestInput.parse({
          title: route.title,
          framework: i % 3 === 2 ? 'peacekeeping' : 'exercise',
          urgency,
          classification: 'restricted',
          purpose: `${route.title}: scheduled move of the collective security forces.`,
          pointOfContact: { name: 'Duty officer', phone: '+7 495 000 00 00' },
          legs: route.legs.map(([state, entry, exit], n) => ({
            state,
            entry: { point: entry, window: windowAt(start + 12 * n) },
            exit: exit ? { point: exit, window: windowAt(start + 12 * (n + 1)) } : null,
          })),
          assets: [{ kind: 'vehicle', type: 'KamAZ-5350 truck', count: 6 + i }],
          personnel: 30 + 5 * i,
          armament: false,
          submit: true,
        }),
        submitted,
      ),
    );
    const legs = await db
      .selectFrom('clearance_legs')
      .select(['state_code', 'due_at', 'status'])
      .where('request_id', '=', request.id)
      .orderBy('position')
      .execute();
    // Each state answers after its usual time, within its window; some requests the
    // last state stays silent and its window's rule applies.
    const answers = legs
      .map((leg, n) => {
        const state = leg.state_code.trim();
        const window = (leg.due_at!.getTime() - submitted.getTime()) / HOUR;
        const hours = Math.min(
          DECIDERS[state].hours * URGENCY_FACTOR[urgency] * spread(i * 5 + n),
          window * 0.9,
        );
        return {
          state,
          hours,
          silent: (i % 4 === 1 || i === 2) && n === legs.length - 1,
          open: leg.status === 'pending',
        };
      })
      .filter((a) => a.open)
      .sort((a, b) => a.hours - b.hours);
    let last = 0;
    for (const [n, a] of answers.entries()) {
      if (a.silent) continue;
      const escort = a.state === 'RU' && i % 2 === 0;
      await tx((trx) =>
        decideLeg(
          trx,
          as[DECIDERS[a.state].user],
          request.id,
          a.state,
          DecideLegInput.parse(
            escort
              ? {
                  decision: 'approve_with_conditions',
                  conditions: [{ kind: 'escort', text: 'Military police escort from the border crossing' }],
                }
              : { decision: 'approve', clearanceNumber: undefined },
          ),
          at(a.hours + n * 0.01),
        ),
      );
      last = Math.max(last, a.hours);
    }
    const silent = answers.find((a) => a.silent);
    if (silent) {
      const due = legs.find((l) => l.state_code.trim() === silent.state)!.due_at!;
      await applyDueSilences(db, due);
      const leg = await db
        .selectFrom('clearance_legs')
        .select('status')
        .where('request_id', '=', request.id)
        .where('state_code', '=', silent.state)
        .executeTakeFirstOrThrow();
      if (leg.status === 'escalated')
        await tx((trx) =>
          decideEscalated(
            trx,
            as['secretariat.admin'],
            request.id,
            silent.state,
            DecideLegInput.parse({
              decision: 'approve',
              reason: 'Decided by the Secretariat after escalation',
            }),
            new Date(due.getTime() + 2 * HOUR),
          ),
        );
      last = Math.max(last, (due.getTime() - submitted.getTime()) / HOUR + 2);
    }
    const row = await db
      .selectFrom('clearance_requests')
      .select('status')
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    if (row.status === 'awaiting_acceptance')
      await tx((trx) => acceptConditions(trx, as[route.requester], request.id, {}, at(last + 1)));
    made++;
  }
  return made;
}
