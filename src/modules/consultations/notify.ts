import type { Actor, Person } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import type { ConsultationMessageRow, ConsultationPointRow } from '../../db/schema-consultations.ts';
import { can } from '../../policy/index.ts';
import { emit, recipients } from '../notifications/index.ts';
import type { LoadedConsultation } from './load.ts';

/** What a consultation notification says besides its consultation. Facts only: the UI words them. */
export interface ConsultationNotificationDetails {
  reference: string;
  /** consultation_message: who wrote, for which state (null: the secretariat). */
  author?: string;
  state?: string | null;
  /** consultation_point: the point's number and text. */
  position?: number;
  text?: string;
  /** consultation_concluded: how many points were agreed. */
  agreedPoints?: number;
}

export const CONSULTATION_NOTIFICATION_KINDS = [
  'consultation_message',
  'consultation_point',
  'consultation_concluded',
] as const;
type Kind = (typeof CONSULTATION_NOTIFICATION_KINDS)[number];

/**
 * The participants who are told: the candidates are the delegations of the participating
 * states and of the people named to it, and the secretariat; the consultation's own read rule
 * (and `also`) admits them, so nobody outside hears of it.
 */
async function tell(
  trx: Db,
  actor: Actor,
  loaded: LoadedConsultation,
  kind: Kind,
  key: string,
  details: ConsultationNotificationDetails,
  at: Date,
  also: (person: Person) => boolean = () => true,
) {
  const named = [loaded.subject.convened_by, loaded.subject.facilitator];
  const namedStates = await trx
    .selectFrom('users')
    .select('state_code')
    .where('id', 'in', named)
    .where('state_code', 'is not', null)
    .execute();
  const states = [...new Set([...loaded.subject.states, ...namedStates.map((r) => r.state_code!.trim())])];
  const ids = await recipients(
    trx,
    kind,
    { states, secretariat: true },
    (person) => can(person, 'read', 'consultation', loaded.subject) && also(person),
    actor,
  );
  await emit(
    trx,
    ids,
    { kind, subjectType: 'consultation', subjectId: loaded.row.id, key, details, at },
    { sentWithCommit: true },
  );
}

/** A new message: every other participant. */
export const notifyMessage = (
  trx: Db,
  actor: Actor,
  loaded: LoadedConsultation,
  message: ConsultationMessageRow,
  at: Date,
) =>
  tell(
    trx,
    actor,
    loaded,
    'consultation_message',
    message.id,
    {
      reference: loaded.row.reference,
      author: message.author_label,
      state: message.author_state?.trim() ?? null,
    },
    at,
  );

/** A point to agree: those who agree for the participating states. */
export const notifyPoint = (
  trx: Db,
  actor: Actor,
  loaded: LoadedConsultation,
  point: ConsultationPointRow,
  at: Date,
) =>
  tell(
    trx,
    actor,
    loaded,
    'consultation_point',
    point.id,
    { reference: loaded.row.reference, position: point.position, text: point.text },
    at,
    (person) => can(person, 'agreePoint', 'consultation', loaded.subject),
  );

/** Concluded: every participant. */
export async function notifyConcluded(trx: Db, actor: Actor, loaded: LoadedConsultation, at: Date) {
  const agreed = await trx
    .selectFrom('consultation_points')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('consultation_id', '=', loaded.row.id)
    .where('agreed_at', 'is not', null)
    .executeTakeFirstOrThrow();
  await tell(
    trx,
    actor,
    loaded,
    'consultation_concluded',
    loaded.row.id,
    { reference: loaded.row.reference, agreedPoints: Number(agreed.n) },
    at,
  );
}
