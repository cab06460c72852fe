import { z } from '@hono/zod-openapi';
import type { Home, HomeItem } from './queries.ts';

const Fact = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const AttentionItemSchema = z
  .object({
    module: z.string().openapi({ description: 'The module that contributed the item', example: 'decisions' }),
    kind: z.string().openapi({
      description: 'Module and kind; the UI words it in the reader’s language',
      example: 'decisions.stance_due',
    }),
    subjectType: z.string().openapi({ example: 'procedure' }),
    subjectId: z.string(),
    title: z.string().openapi({ description: 'The subject’s own short name (a title, a reference)' }),
    path: z.string().openapi({ description: 'The web path that opens it', example: '/proposals/…' }),
    dueAt: z
      .string()
      .nullable()
      .openapi({ description: 'When it must be done by (ISO), if it has a deadline' }),
    at: z.string().nullable().openapi({ description: 'When it happened (ISO), for closed items' }),
    details: z
      .record(z.string(), Fact)
      .openapi({ description: 'Facts the UI words: the state concerned, the result, a reference…' }),
  })
  .openapi('AttentionItem');

export const HomeSchema = z
  .object({
    attention: z
      .array(AttentionItemSchema)
      .openapi({ description: 'What waits on the caller, soonest first' }),
    recent: z.array(AttentionItemSchema).openapi({ description: 'What closed since `since`, newest first' }),
    since: z.string().openapi({ description: 'The start of the "recently closed" window (ISO)' }),
  })
  .openapi('Home');
export type HomeBody = z.infer<typeof HomeSchema>;

/** One item, fields listed explicitly. */
function presentItem(item: HomeItem): z.infer<typeof AttentionItemSchema> {
  return {
    module: item.module,
    kind: item.kind,
    subjectType: item.subjectType,
    subjectId: item.subjectId,
    title: item.title,
    path: item.path,
    dueAt: item.dueAt ?? null,
    at: item.at ?? null,
    details: { ...(item.details ?? {}) },
  };
}

export function presentHome(home: Home): HomeBody {
  return {
    attention: home.attention.map(presentItem),
    recent: home.recent.map(presentItem),
    since: home.since.toISOString(),
  };
}
