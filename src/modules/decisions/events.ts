import type { EventEnvelope } from '../../core/events.ts';

/** A procedure opened on a proposal (published inside the opening transaction). */
export interface ProcedureOpened extends EventEnvelope {
  procedureId: string;
  proposalId: string;
  /** meeting_consensus, silence, written, unanimity, qualified_majority. */
  procedureKind: string;
  deadline: Date | null;
}

/** A state broke silence: an objection or a proposed amendment on some points. */
export interface SilenceBroken extends EventEnvelope {
  procedureId: string;
  proposalId: string;
  state: string;
  stanceKind: 'object' | 'propose_amendment';
  points: string[];
}

/** A procedure closed with its outcome (published inside the closing transaction). */
export interface ProcedureClosed extends EventEnvelope {
  procedureId: string;
  proposalId: string;
  /** meeting_consensus, silence, written, unanimity, qualified_majority. */
  procedureKind: string;
  result: 'adopted' | 'partially_adopted' | 'not_adopted';
}

declare module '../../core/events.ts' {
  interface DomainEvents {
    /** A procedure opened: the states concerned are told (decisions/notify.ts). */
    'decisions.procedure_opened': ProcedureOpened;
    /** A state broke silence: everyone who may read the proposal is told. */
    'decisions.silence_broken': SilenceBroken;
    /**
     * A procedure closed: the decisions engine announces it and does not know who listens
     * (a deployment request waits on its council procedure; the readers are told).
     */
    'decisions.procedure_closed': ProcedureClosed;
  }
}
