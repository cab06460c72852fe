import { z } from 'zod';
import type { LedgerActionSpec } from '../../core/module.ts';
import { AttachmentEntryFields } from '../attachments/index.ts';
import { BatchDigestSchema } from '../ledger/index.ts';

/**
 * The record entries of field reports. An entry never carries what a report's protection
 * withholds (who reported, the exact place): it names the report, its version and the
 * SHA-256 of that version as stored (report_versions.snapshot, canonical JSON), so the
 * record proves what a report said without telling it. While a report is unpublished its
 * entries are read by the secretariat and the author's state only.
 */

const Reference = z.string().describe('The report\'s reference, e.g. "R-2026-00042"');
const Version = z.number().int().describe('The version the entry is about');
const SnapshotHash = z.string().describe('SHA-256 (hex) of the canonical JSON of that version as stored');
const Facts = {
  reference: Reference,
  version: Version,
  snapshotHash: SnapshotHash,
  category: z.string().describe('Its category code'),
  region: z.string().nullable().describe('Its monitoring region, if any'),
  occurredAt: z.string().describe('When it happened (ISO)'),
};

export const monitoringLedgerActions = {
  'report.attachment_added': {
    description:
      "A file was attached to a report (its name, size and SHA-256; never its bytes); classified at the report's protection level.",
    payload: z.strictObject({ reference: Reference, ...AttachmentEntryFields }),
  },
  'report.attachment_removed': {
    description: 'A file was removed from a report.',
    payload: z.strictObject({ reference: Reference, ...AttachmentEntryFields }),
  },
  'report.filed': {
    description:
      'A report was filed (as a draft, or submitted at once): its facts and the hash of its first version.',
    payload: z.strictObject({
      ...Facts,
      status: z.enum(['draft', 'submitted']).describe('Filed as a draft, or submitted at once'),
    }),
  },
  'report.corrected': {
    description:
      'A report was corrected: the new version, its hash and the reason (a draft edited has none).',
    payload: z.strictObject({
      ...Facts,
      reason: z.string().nullable().describe('Why it was corrected (none for a draft edited)'),
    }),
  },
  'report.status_changed': {
    description:
      'A report moved on in review: submitted, under review, verified, published (to members or partners), archived.',
    payload: z.strictObject({
      reference: Reference,
      version: Version,
      from: z.string().describe('The status before'),
      to: z.string().describe('The status after'),
      publishedTo: z
        .enum(['members', 'partners'])
        .nullable()
        .describe('Who it was published to, when published'),
      reason: z.string().nullable().describe('Why (archiving)'),
    }),
  },
  'report.merged': {
    description: 'A report was found to duplicate another: archived, pointing at the report it duplicates.',
    payload: z.strictObject({
      reference: Reference,
      into: z.string().describe('The id of the report it duplicates'),
      intoReference: Reference,
      reason: z.string().describe('Why they are the same event'),
    }),
  },
  'report.imported': {
    description:
      'Reports were imported from a CSV file, all in one: how many, the first and last references, and the Merkle root of their first versions.',
    payload: z.strictObject({
      count: z.number().int().describe('How many reports'),
      status: z.enum(['draft', 'submitted']).describe('What they were imported as'),
      first: Reference,
      last: Reference,
      batch: BatchDigestSchema.describe(
        'Root over {id, reference, content} of each report, in reference order',
      ),
    }),
  },
  'report.collection_created': {
    description: 'A collection of reports was made.',
    payload: z.strictObject({
      name: z.string().describe("The collection's name"),
      ownerState: z.string().nullable().describe('The delegation that keeps it; null: the secretariat'),
    }),
  },
  'report.collection_changed': {
    description: 'Reports were added to or removed from a collection.',
    payload: z.strictObject({
      name: z.string().describe("The collection's name"),
      added: z.array(z.string()).describe('Ids of the reports added'),
      removed: z.array(z.string()).describe('Ids of the reports removed'),
    }),
  },
  'report.collection_deleted': {
    description: 'A collection of reports was removed (its reports stay).',
    payload: z.strictObject({ name: z.string().describe("The collection's name") }),
  },
  'mission.created': {
    description: 'An observation mission was set up: its mandate, head, members, area and period.',
    payload: z.strictObject({
      reference: z.string().describe('"OM-2026-01"'),
      name: z.string().describe("The mission's name"),
      mandateDecision: z.string().nullable().describe('The id of the decision that created it'),
      head: z.string().describe('The head of mission (person id)'),
      members: z.array(z.string()).describe('Person ids'),
      regions: z.array(z.string()).describe('The monitoring regions of its area'),
      from: z.string().describe('First day (YYYY-MM-DD)'),
      to: z.string().describe('Last day'),
    }),
  },
  'mission.changed': {
    description:
      'An observation mission was changed (its mandate renewed, its period or area, a new head), and why.',
    payload: z.strictObject({
      reference: z.string().describe("The mission's reference"),
      changed: z
        .array(
          z.enum(['name', 'mandate', 'mandateDecision', 'head', 'regions', 'area', 'startsOn', 'endsOn']),
        )
        .describe('The fields the change set'),
      reason: z.string().describe('Why'),
      head: z.string().describe('The head of mission now (person id)'),
      regions: z.array(z.string()).describe('The monitoring regions of its area now'),
      from: z.string().describe('First day now (YYYY-MM-DD)'),
      to: z.string().describe('Last day now'),
    }),
  },
  'mission.members_changed': {
    description: 'People were added to or removed from an observation mission.',
    payload: z.strictObject({
      reference: z.string().describe("The mission's reference"),
      added: z.array(z.string()).describe('Person ids added'),
      removed: z.array(z.string()).describe('Person ids removed'),
    }),
  },
  'mission.daily_approved': {
    description:
      "The head of mission approved a day's report: how many reports, and the hash of what was compiled.",
    payload: z.strictObject({
      reference: z.string().describe("The mission's reference"),
      day: z.string().describe("The day (YYYY-MM-DD, in the organisation's zone)"),
      reports: z.number().int().describe('How many reports were compiled'),
      compiledHash: z.string().describe('SHA-256 of the canonical JSON of the compiled day'),
    }),
  },
} satisfies Record<string, LedgerActionSpec>;

type MonitoringLedgerActions = typeof monitoringLedgerActions;
declare module '../../core/record.ts' {
  interface RecordActions extends MonitoringLedgerActions {}
}
