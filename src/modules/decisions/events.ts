import type { EventEnvelope } from '../../core/events.ts';

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
    /**
     * A procedure closed: the decisions engine announces it and does not know who listens
     * (a deployment request waits on its council procedure).
     */
    'decisions.procedure_closed': ProcedureClosed;
  }
}
