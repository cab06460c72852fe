import { z } from '@hono/zod-openapi';
import { ReportListQuery } from '../schema.ts';

export const CreateCollectionInput = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(200),
    description: z.string().trim().max(2_000).default(''),
  })
  .openapi('CreateReportCollectionInput');
export type CreateCollectionInput = z.infer<typeof CreateCollectionInput>;

export const ChangeCollectionInput = z
  .strictObject({
    add: z.array(z.uuid('must be a report id')).max(1_000).default([]),
    remove: z.array(z.uuid('must be a report id')).max(1_000).default([]),
  })
  .refine((c) => c.add.length + c.remove.length > 0, {
    message: 'add or remove at least one report',
    path: ['add'],
  })
  .openapi('ChangeReportCollectionInput');
export type ChangeCollectionInput = z.infer<typeof ChangeCollectionInput>;

/** A saved filter: the list's query without its paging. */
export const SavedFilter = ReportListQuery.omit({ limit: true, before: true }).strict();
export const SaveFilterInput = z
  .strictObject({ name: z.string().trim().min(1, 'is required').max(100), filter: SavedFilter })
  .openapi('SaveReportFilterInput');
export type SaveFilterInput = z.infer<typeof SaveFilterInput>;

export const CollectionParam = z.object({ id: z.uuid('must be a collection id') });
export const FilterParam = z.object({ id: z.uuid('must be a filter id') });
