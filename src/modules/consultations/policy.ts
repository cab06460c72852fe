import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor, Person } from '../../core/actor.ts';
import type { Database } from '../../db/schema.ts';
import type { ConsultationStatus } from '../../db/schema-consultations.ts';
import type { PolicyRulesFor } from '../../policy/index.ts';
import {
  isHeadOfDelegation,
  isMemberDelegation,
  isObserver,
  isPerson,
  isSecretariat,
  isSignedIn,
  isSystem,
  withinAccessLevel,
} from '../../policy/predicates.ts';

/** What the rules need to know of a consultation. */
export interface ConsultationSubject {
  status: ConsultationStatus;
  classification: number;
  /** The member states taking part. */
  states: string[];
  convened_by: string;
  facilitator: string;
  /** Secretariat staff named to it besides the convener and facilitator. */
  staff: string[];
  /** Whether a proposal was already made from its outcome. */
  proposal_id: string | null;
}

/** Convening one: the presidency's state, from the organisation file. */
export interface NewConsultationSubject {
  presidency: string | null;
}

declare module '../../policy/index.ts' {
  interface Subjects {
    /** A confidential consultation: read by its participants alone. */
    consultation: ConsultationSubject;
    /** Convening consultations (none yet). */
    consultations: NewConsultationSubject;
  }
}

/**
 * Who convenes: the secretariat (not its observers), or the head of delegation of the state
 * that holds the presidency. The console (system) too.
 */
export const convenes = (a: Actor, s: NewConsultationSubject) =>
  isSystem(a) ||
  (isPerson(a) &&
    !isObserver(a) &&
    (isSecretariat(a) ||
      (isMemberDelegation(a) &&
        isHeadOfDelegation(a) &&
        s.presidency !== null &&
        a.stateCode === s.presidency)));

const named = (a: Person, c: ConsultationSubject) =>
  a.id === c.convened_by || a.id === c.facilitator || c.staff.includes(a.id);
/** A delegation of a participating state (observers never). */
const ofParticipantState = (a: Actor, c: ConsultationSubject) =>
  isMemberDelegation(a) &&
  !isObserver(a) &&
  (a as Person).stateCode !== null &&
  c.states.includes((a as Person).stateCode!);

/**
 * Reads a consultation: within the access level, and named to it (convener, facilitator,
 * staff) or of a participating state's delegation. Nobody else: not the other member states,
 * not observers or partners, not the rest of the secretariat.
 */
const reads = (a: Actor, c: ConsultationSubject) =>
  withinAccessLevel(a, c.classification) &&
  (isSystem(a) || (isPerson(a) && (named(a, c) || ofParticipantState(a, c))));
/** The convener and the facilitator run the talks: the agenda, the conclusion, the proposal. */
const chairs = (a: Actor, c: ConsultationSubject) =>
  isSystem(a) || (isPerson(a) && (a.id === c.facilitator || a.id === c.convened_by));
const isOpen = (c: ConsultationSubject) => c.status === 'open';
/** Who agrees to a point for a state: its head of delegation or its point of contact. */
export const agreesFor = (a: Actor, c: ConsultationSubject) =>
  ofParticipantState(a, c) &&
  ((a as Person).role === 'head_of_delegation' || (a as Person).role === 'point_of_contact');

export const consultationRules: PolicyRulesFor<'consultation' | 'consultations'> = {
  consultations: {
    // Lists are scoped by consultationsVisibleTo; this lets `open` answer 403 rather than 404.
    read: isSignedIn,
    open: convenes,
  },
  consultation: {
    read: reads,
    message: (a, c) => reads(a, c) && isOpen(c),
    manageAgenda: (a, c) => reads(a, c) && isOpen(c) && chairs(a, c),
    proposePoint: (a, c) => reads(a, c) && isOpen(c),
    agreePoint: (a, c) => reads(a, c) && isOpen(c) && agreesFor(a, c),
    attach: (a, c) => reads(a, c) && isOpen(c),
    conclude: (a, c) => reads(a, c) && isOpen(c) && chairs(a, c),
    close: (a, c) => reads(a, c) && isOpen(c) && chairs(a, c),
    makeProposal: (a, c) => reads(a, c) && chairs(a, c) && c.status === 'concluded' && c.proposal_id === null,
  },
};

type Eb = ExpressionBuilder<Database, 'consultations'>;
const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

/** WHERE condition: the consultations the actor may read. Mirrors `consultation.read`; policy.test.ts holds the two in step. */
export function consultationsVisibleTo(actor: Actor) {
  return (eb: Eb): Expression<SqlBool> => {
    if (isSystem(actor)) return TRUE;
    if (!isPerson(actor)) return FALSE;
    const readers: Expression<SqlBool>[] = [
      eb('consultations.convened_by', '=', actor.id),
      eb('consultations.facilitator', '=', actor.id),
      eb.exists(
        eb
          .selectFrom('consultation_staff')
          .select('consultation_staff.user_id')
          .whereRef('consultation_staff.consultation_id', '=', 'consultations.id')
          .where('consultation_staff.user_id', '=', actor.id),
      ),
    ];
    if (isMemberDelegation(actor) && !isObserver(actor) && actor.stateCode)
      readers.push(
        eb.exists(
          eb
            .selectFrom('consultation_participants')
            .select('consultation_participants.state_code')
            .whereRef('consultation_participants.consultation_id', '=', 'consultations.id')
            .where('consultation_participants.state_code', '=', actor.stateCode),
        ),
      );
    return eb.and([eb('consultations.classification', '<=', actor.accessLevel), eb.or(readers)]);
  };
}
