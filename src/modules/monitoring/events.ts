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

/** Reports were imported all at once (one event for the file, not one per report). */
export interface ReportsImported extends EventEnvelope {
  count: number;
  status: 'draft' | 'submitted';
  regions: string[];
  categories: string[];
}

declare module '../../core/events.ts' {
  interface DomainEvents {
    'monitoring.report_changed': ReportChanged;
    'monitoring.reports_imported': ReportsImported;
  }
}
