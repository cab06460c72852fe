import { type Person, personFromRow } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import {
  addAgendaItem,
  agreePoint,
  completeAgendaItem,
  openConsultation,
  postMessage,
  proposePoint,
} from './commands.ts';
import { OpenConsultationInput } from './schema.ts';

const DEMO_USERS = [
  'secretariat.admin',
  'secretariat.monitor',
  'kg.head',
  'tj.head',
  'kg.focal',
  'tj.focal',
] as const;
const MINUTE = 60_000;

/**
 * The demo's consultation, made through the real commands by the demo accounts: Kyrgyzstan
 * and Tajikistan on their border, convened by the secretariat's administrator and facilitated
 * by its monitor, with an agenda, a few messages, a point both states agreed and one awaiting
 * Tajikistan. Restricted, so that the two focal points take part. Does nothing (false) when a
 * consultation exists or the demo accounts are missing.
 */
export async function loadDemoConsultations(db: Db, now = new Date()): Promise<boolean> {
  if (await db.selectFrom('consultations').select('id').limit(1).executeTakeFirst()) return false;
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('username', 'in', [...DEMO_USERS])
    .execute();
  if (rows.length !== DEMO_USERS.length) return false;
  const as = Object.fromEntries(rows.map((r) => [r.username, personFromRow(r)])) as Record<
    (typeof DEMO_USERS)[number],
    Person
  >;
  const at = (minutes: number) => new Date(now.getTime() + (minutes - 180) * MINUTE);
  const tx = <T>(fn: (trx: Db) => Promise<T>) => db.transaction().execute(fn);

  const { row } = await tx((trx) =>
    openConsultation(
      trx,
      as['secretariat.admin'],
      OpenConsultationInput.parse({
        title: 'Kyrgyz–Tajik border: Isfara valley water intake',
        purpose:
          'Confidential talks between Kyrgyzstan and Tajikistan after the incidents at the Golovnoi water intake, facilitated by the secretariat.',
        participants: ['KG', 'TJ'],
        facilitator: 'secretariat.monitor',
        classification: 'restricted',
        agenda: [
          'Facts of the incidents of the last week',
          'Disengagement of forces from the water intake',
          'Joint monitoring of the water distribution',
        ],
      }),
      at(0),
    ),
  );
  const id = row.id;
  await tx((trx) =>
    postMessage(
      trx,
      as['secretariat.monitor'],
      id,
      {
        body: 'Welcome. As agreed by phone, we start with the facts both sides have of last week.',
      },
      at(5),
    ),
  );
  await tx((trx) =>
    postMessage(
      trx,
      as['kg.head'],
      id,
      {
        body: 'Our border service reports two exchanges of fire near the intake; we will share the log as a document.',
      },
      at(20),
    ),
  );
  await tx((trx) =>
    postMessage(
      trx,
      as['tj.head'],
      id,
      {
        body: 'We have a different account of the second exchange, but we are ready to discuss disengagement first.',
      },
      at(35),
    ),
  );
  await tx(async (trx) => {
    const item = await trx
      .selectFrom('consultation_agenda_items')
      .select('id')
      .where('consultation_id', '=', id)
      .where('position', '=', 1)
      .executeTakeFirstOrThrow();
    return completeAgendaItem(trx, as['secretariat.monitor'], id, item.id, at(50));
  });
  const agreed = await tx((trx) =>
    proposePoint(
      trx,
      as['secretariat.monitor'],
      id,
      'Both sides withdraw armed personnel to at least 1 km from the water intake within 48 hours.',
      at(60),
    ),
  );
  await tx((trx) => agreePoint(trx, as['kg.head'], id, agreed.id, at(70)));
  await tx((trx) => agreePoint(trx, as['tj.focal'], id, agreed.id, at(80)));
  const pending = await tx((trx) =>
    proposePoint(
      trx,
      as['kg.focal'],
      id,
      'A joint team with the secretariat reads the intake gauges every day and reports to both sides.',
      at(90),
    ),
  );
  await tx((trx) => agreePoint(trx, as['kg.head'], id, pending.id, at(100)));
  await tx((trx) => addAgendaItem(trx, as['secretariat.monitor'], id, 'Next meeting and its place', at(110)));
  return true;
}
