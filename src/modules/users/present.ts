import { z } from '@hono/zod-openapi';
import {
  ACCESS_LEVELS,
  type Actor,
  AFFILIATIONS,
  accessLevelName,
  type Person,
  ROLES,
} from '../../core/actor.ts';
import type { UserRow } from '../../db/schema.ts';
import { abilities } from '../../policy/index.ts';

export const MeSchema = z
  .object({
    id: z.string().uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    affiliation: z.enum(AFFILIATIONS),
    stateCode: z.string().nullable(),
    partnerCode: z.string().nullable(),
    role: z.enum(ROLES),
    accessLevel: z
      .enum(ACCESS_LEVELS)
      .openapi({ description: 'The highest classification the person may read' }),
    locale: z.enum(['en', 'ru']),
    isDemo: z.boolean(),
  })
  .openapi('Me');

export const UserSchema = MeSchema.omit({ locale: true, isDemo: true })
  .extend({
    disabled: z.boolean(),
    abilities: z.object({ update: z.boolean(), disable: z.boolean() }),
  })
  .openapi('User');

const common = (row: UserRow) => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  email: row.email,
  affiliation: row.affiliation,
  stateCode: row.state_code?.trim() ?? null,
  partnerCode: row.partner_code,
  role: row.role,
  accessLevel: accessLevelName(row.access_level),
});

/** The signed-in person, as their own account page sees them. */
export function presentMe(row: UserRow): z.infer<typeof MeSchema> {
  return { ...common(row), locale: row.locale, isDemo: row.is_demo };
}

export function presentPerson(p: Person, email: string | null = null): z.infer<typeof MeSchema> {
  return {
    id: p.id,
    username: p.username,
    displayName: p.displayName,
    email,
    affiliation: p.affiliation,
    stateCode: p.stateCode,
    partnerCode: p.partnerCode,
    role: p.role,
    accessLevel: accessLevelName(p.accessLevel),
    locale: p.locale,
    isDemo: p.isDemo,
  };
}

/**
 * A person in the directory, with what the viewer may do to them. Nothing of sign-in
 * throttling: it is no one's business but the server's (and there is no lock to show).
 */
export function presentUser(row: UserRow, viewer: Actor): z.infer<typeof UserSchema> {
  return {
    ...common(row),
    disabled: row.disabled_at !== null,
    abilities: abilities(viewer, 'user', row, ['update', 'disable']) as { update: boolean; disable: boolean },
  };
}

/** Who besides the secretariat reads record entries about this account. */
export function audienceOfUser(row: Pick<UserRow, 'affiliation' | 'state_code' | 'partner_code'>): string[] {
  if (row.affiliation === 'delegation' && row.state_code) return [row.state_code.trim()];
  if (row.affiliation === 'partner' && row.partner_code) return [`partner:${row.partner_code}`];
  return [];
}
