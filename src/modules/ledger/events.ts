import type { EventEnvelope } from '../../core/events.ts';

/**
 * A witness reported that the log showed it a history that does not extend the one it
 * co-signed: the alarm goes to the member states' own systems (webhook `record_fork`) and
 * stays in the record (`ledger.fork_reported`).
 */
export interface ForkReported extends EventEnvelope {
  witness: string;
  cosignedSize: number;
  shownSize: number;
  reason: string;
}

declare module '../../core/events.ts' {
  interface DomainEvents {
    'ledger.fork_reported': ForkReported;
  }
}
