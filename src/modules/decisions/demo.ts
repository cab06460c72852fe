import { type Person, personFromRow } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { closeDue } from './deadlines.ts';
import { closeProcedure, openProcedure } from './procedures.ts';
import { createProposal, updateProposal } from './proposals.ts';
import {
  CloseProcedureInput,
  CreateProposalInput,
  type GiveStancesInput,
  OpenProcedureInput,
} from './schema.ts';
import { breakSilence, giveStances } from './stances.ts';

const HOUR = 3_600_000;
const DEMO_USERS = ['by.head', 'am.head', 'kz.head', 'kg.head', 'ru.head', 'tj.head'] as const;
const BODY = 'council-of-foreign-ministers';

/**
 * The demo's decisions, made through the real commands by the demo accounts and placed in
 * time relative to `now`: an adopted multi-point decision, a silence procedure broken by an
 * objection, and a silence procedure still open (it expires three days after loading).
 * Does nothing (returns false) when proposals already exist or the demo accounts are missing.
 */
export async function loadDemoDecisions(db: Db, now = new Date()): Promise<boolean> {
  if (await db.selectFrom('proposals').select('id').limit(1).executeTakeFirst()) return false;
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('username', 'in', [...DEMO_USERS])
    .execute();
  const body = await db.selectFrom('bodies').select('code').where('code', '=', BODY).executeTakeFirst();
  if (rows.length !== DEMO_USERS.length || !body) return false;
  const as = Object.fromEntries(rows.map((r) => [r.username, personFromRow(r)])) as Record<
    (typeof DEMO_USERS)[number],
    Person
  >;
  const chair = as['by.head'];
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
  const tx = <T>(fn: (trx: Db) => Promise<T>) => db.transaction().execute(fn);

  // 1. Adopted at a meeting, point by point, with a reservation and an interpretative statement.
  const conference = await tx((trx) =>
    createProposal(
      trx,
      chair,
      CreateProposalInput.parse({
        body: BODY,
        title: 'International conference on Eurasian security in Minsk',
        text: 'The Council of Foreign Ministers,\n\n*guided by* the priorities of the presidency,\n\n**decides**:',
        priority: 'positioning',
        points: [
          { text: 'To hold a high-level international conference on Eurasian security in Minsk.' },
          { text: 'To invite the leadership of the UN, SCO and CIS secretariats to the conference.' },
          { text: 'To task the Secretariat with preparing the programme and budget estimate.' },
        ],
      }),
    ),
  );
  await tx((trx) =>
    updateProposal(trx, chair, conference.id, {
      points: [
        { text: 'To hold a high-level international conference on Eurasian security in Minsk in October.' },
        { text: 'To invite the leadership of the UN, SCO and CIS secretariats to the conference.' },
        {
          text: 'To task the Secretariat with preparing the programme and budget estimate within two months.',
        },
      ],
    }),
  );
  const meeting = await tx((trx) =>
    openProcedure(trx, chair, conference.id, OpenProcedureInput.parse({ kind: 'meeting_consensus' })),
  );
  for (const user of DEMO_USERS) {
    const stances: GiveStancesInput['stances'] = meeting.points.map((point) => ({ point, kind: 'agree' }));
    if (user === 'kz.head')
      stances[1] = {
        point: '2',
        kind: 'interpretative_statement',
        text: 'Kazakhstan understands the invitation to extend to observers of the CIS Executive Committee.',
      };
    if (user === 'am.head')
      stances[2] = {
        point: '3',
        kind: 'reservation',
        text: 'Armenia reserves its position on the budget estimate until it is presented.',
      };
    await tx((trx) => giveStances(trx, as[user], meeting.id, { stances }));
  }
  await tx((trx) => closeProcedure(trx, chair, meeting.id, CloseProcedureInput.parse({})));

  // 2. A silence procedure that an objection broke before it expired yesterday.
  const transit = await tx((trx) =>
    createProposal(
      trx,
      chair,
      CreateProposalInput.parse({
        body: BODY,
        title: 'Simplified transit of contingents with weapons and military hardware',
        text: 'Draft decision on the procedure for the transit of contingents across the territories of the member states.',
        priority: 'crisis-resolution',
        classification: 'restricted',
        points: [
          { text: 'To approve the simplified procedure for the transit of contingents.' },
          { text: 'To apply the procedure from the first day of the next quarter.' },
        ],
      }),
    ),
  );
  const broken = await tx((trx) =>
    openProcedure(
      trx,
      chair,
      transit.id,
      OpenProcedureInput.parse({ kind: 'silence', deadline: at(-24).toISOString() }),
      at(-72),
    ),
  );
  await tx((trx) =>
    breakSilence(
      trx,
      as['am.head'],
      broken.id,
      {
        kind: 'object',
        text: 'Armenia cannot agree before the national legal review is complete.',
      },
      at(-50),
    ),
  );
  await closeDue(db, now);

  // 3. A silence procedure open now: adopted in three days unless a member objects.
  const exercises = await tx((trx) =>
    createProposal(
      trx,
      chair,
      CreateProposalInput.parse({
        body: BODY,
        title: 'Joint exercises of the collective security forces in Belarus',
        text: 'Draft decision on the plan of joint exercises of command bodies, forces and assets.',
        priority: 'military-component',
        points: [
          { text: 'To approve the plan of joint exercises in Belarus.' },
          { text: 'To invite observers from the partner states.' },
          { text: 'To report on the results to the Collective Security Council.' },
        ],
      }),
    ),
  );
  const silence = await tx((trx) =>
    openProcedure(
      trx,
      chair,
      exercises.id,
      OpenProcedureInput.parse({ kind: 'silence', deadline: at(72).toISOString() }),
    ),
  );
  await tx((trx) =>
    giveStances(trx, as['kz.head'], silence.id, {
      stances: silence.points.map((point) => ({ point, kind: 'agree' as const })),
    }),
  );
  return true;
}
