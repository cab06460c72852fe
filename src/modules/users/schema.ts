import { z } from '@hono/zod-openapi';
import { ACCESS_LEVELS, AFFILIATIONS, ROLES } from '../../core/actor.ts';
import { Password } from '../../core/secrets.ts';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'use 2 to 64 letters, digits, dots, dashes or underscores');

/** An e-mail address: trimmed, checked for form; unique across accounts (any letter case), checked by the commands. */
export const Email = z
  .string()
  .trim()
  .email('is not an e-mail address')
  .max(320)
  .openapi({ example: 'a.person@example.org' });

/** A person's access level: the highest classification they may read. */
export const AccessLevel = z
  .enum(ACCESS_LEVELS, { error: `must be one of ${ACCESS_LEVELS.join(', ')}` })
  .openapi({ description: 'The highest classification the person may read' });

export const CreateUserInput = z
  .strictObject({
    username: Username,
    displayName: z.string().trim().min(1, 'is required').max(200),
    email: Email.nullable().optional(),
    password: Password,
    affiliation: z.enum(AFFILIATIONS),
    stateCode: z
      .string()
      .trim()
      .toUpperCase()
      .length(2, 'must be a two-letter ISO 3166 code')
      .nullable()
      .optional(),
    partnerCode: z.string().trim().toUpperCase().min(2).max(16).nullable().optional(),
    role: z.enum(ROLES),
    accessLevel: AccessLevel,
  })
  .superRefine((v, ctx) => {
    if (v.affiliation === 'delegation' && !v.stateCode)
      ctx.addIssue({ code: 'custom', path: ['stateCode'], message: 'is required for a delegation member' });
    if (v.affiliation !== 'delegation' && v.stateCode)
      ctx.addIssue({ code: 'custom', path: ['stateCode'], message: 'only delegation members have a state' });
    if (v.affiliation === 'partner' && !v.partnerCode)
      ctx.addIssue({
        code: 'custom',
        path: ['partnerCode'],
        message: 'is required for a partner organisation member',
      });
    if (v.affiliation !== 'partner' && v.partnerCode)
      ctx.addIssue({
        code: 'custom',
        path: ['partnerCode'],
        message: 'only partner organisation members have one',
      });
    if (v.affiliation === 'partner' && v.role !== 'observer')
      ctx.addIssue({
        code: 'custom',
        path: ['role'],
        message: 'partner organisations take part as observers',
      });
    if (v.role === 'secretariat_admin' && v.affiliation !== 'secretariat')
      ctx.addIssue({
        code: 'custom',
        path: ['role'],
        message: 'only secretariat staff can be administrators',
      });
  })
  .openapi('CreateUserInput');
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z
  .strictObject({
    displayName: z.string().trim().min(1, 'is required').max(200).optional(),
    email: Email.nullable().optional(),
    role: z.enum(ROLES).optional(),
    accessLevel: AccessLevel.optional(),
  })
  .openapi('UpdateUserInput');
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

/** What a person changes of their own account: language, e-mail address (null removes it). */
export const UpdateMeInput = z
  .strictObject({
    locale: z.enum(['en', 'ru']).optional(),
    email: Email.nullable()
      .optional()
      .openapi({ description: 'Where notifications by e-mail go; null removes it' }),
  })
  .refine((v) => v.locale !== undefined || v.email !== undefined, {
    path: ['email'],
    message: 'give locale or email',
  })
  .openapi('UpdateMeInput');
export type UpdateMeInput = z.infer<typeof UpdateMeInput>;

export const UserIdParam = z.object({ id: z.string().uuid('is not a user id') });
