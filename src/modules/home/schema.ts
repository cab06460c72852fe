import { z } from '@hono/zod-openapi';

/** How far back "recently closed" looks. */
export const RECENT_DAYS = { default: 7, max: 31 } as const;

export const HomeQuery = z.object({
  days: z.coerce
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(RECENT_DAYS.max, `must be at most ${RECENT_DAYS.max}`)
    .default(RECENT_DAYS.default)
    .openapi({ description: 'How many days back "recently closed" looks (default 7)' }),
});
export type HomeQuery = z.infer<typeof HomeQuery>;
