/**
 * The API addresses the browser opens itself rather than through the typed client: the live
 * stream (EventSource), and files a link downloads. Each is a path of the OpenAPI document
 * (`paths` in schema.d.ts), so renaming one on the server is a compile error here.
 */
import type { paths } from './schema.d.ts';

/** A path of the document, checked at compile time. */
const path = <P extends keyof paths>(p: P): P => p;

/** Server-sent events of the record and of the person's notifications. */
export const LIVE_STREAM = path('/api/live');

/** What owns attachments: a proposal, a clearance request, a consultation, or a field report. */
export type AttachmentOwner =
  | { proposal: string }
  | { clearance: string }
  | { consultation: string }
  | { report: string };

/** The owner's kind and id. */
export function attachmentOwner(owner: AttachmentOwner): { kind: keyof OwnerPaths; id: string } {
  if ('proposal' in owner) return { kind: 'proposal', id: owner.proposal };
  if ('clearance' in owner) return { kind: 'clearance', id: owner.clearance };
  if ('report' in owner) return { kind: 'report', id: owner.report };
  return { kind: 'consultation', id: owner.consultation };
}

type OwnerPaths = typeof ATTACHMENT_PATHS;
const ATTACHMENT_PATHS = {
  proposal: path('/api/proposals/{id}/attachments/{attachmentId}'),
  clearance: path('/api/clearances/{id}/attachments/{attachmentId}'),
  consultation: path('/api/consultations/{id}/attachments/{attachmentId}'),
  report: path('/api/reports/{id}/attachments/{attachmentId}'),
};

/** A download link for an attached file. */
export function attachmentHref(owner: AttachmentOwner, attachmentId: string): string {
  const { kind, id } = attachmentOwner(owner);
  return ATTACHMENT_PATHS[kind]
    .replace('{id}', encodeURIComponent(id))
    .replace('{attachmentId}', encodeURIComponent(attachmentId));
}

/** The whole record as a signed file. */
export const LEDGER_EXPORT = path('/api/ledger/export');

/** A clearance request and its decisions, as the caller may see them, as a file. */
export function clearanceExportHref(id: string, format: 'json' | 'csv'): string {
  return `${path('/api/clearances/{id}/export').replace('{id}', encodeURIComponent(id))}?format=${format}`;
}

/** The reports matching the filters (the reports API's query), as CSV or GeoJSON. */
export function reportsExportHref(
  format: 'csv' | 'geojson',
  query: Record<string, string | string[]>,
): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(query))
    for (const one of Array.isArray(value) ? value : [value]) params.append(key, one);
  return `${path('/api/reports/export')}?${params.toString()}`;
}
