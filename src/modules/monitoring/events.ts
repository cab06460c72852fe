import type { EventEnvelope } from '../../core/events.ts';
import type { ReportStatus } from '../../db/schema-reports.ts';

/**
 * What the report commands announce, inside their transaction: a report's facts changed or it
 * moved on in review. The early-warning module recomputes the indicators counted from reports
 * on it; any other module may subscribe.
 */
export interface ReportChanged extends EventEnvelope {
  reportId: string;
  reference: string;
  from: ReportStatus | null;
  status: ReportStatus;
  /** Where and what, now and (after a correction) before: an indicator may move in two regions. */
  regions: string[];
  categories: string[];
  occurredAt: Date;
  classification: number;
}

declare module '../../core/events.ts' {
  interface DomainEvents {
    'monitoring.report_changed': ReportChanged;
  }
}
