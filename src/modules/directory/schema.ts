import { z } from '@hono/zod-openapi';
import { ACCESS_LEVELS, AFFILIATIONS, ROLES } from '../../core/actor.ts';
import { parseVerifierKey } from '../ledger/index.ts';

import { checkHotlines, HotlineDeclaration } from './hotlines-section.ts';
import { checkMonitoring, MonitoringSection } from './monitoring-section.ts';
import { Bilingual, BilingualLong, STATE_CODE, StateCode, Text } from './primitives.ts';

export { STATE_CODE };

const TimeZone = z.string().refine(isTimeZone, 'is not an IANA time zone (e.g. Europe/Minsk)');
/** A calendar date that exists (not 2026-02-30) in a year PostgreSQL stores (not year 0). */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(
    (s) => s >= '0001-01-01' && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s,
    'is not a real date',
  );

/**
 * The codes of the directory, the same for the organisation file, the database's CHECKs
 * and the API's paths (`/api/states/{code}`, `/api/bodies/{code}`, `/api/partners/{code}`).
 */
export const BODY_CODE = /^[a-z][a-z0-9-]{1,63}$/;
export const PARTNER_CODE = /^[A-Z][A-Z0-9_-]{1,15}$/;
export const BodyCode = z.string().regex(BODY_CODE, 'use 2 to 64 lowercase letters, digits or dashes');
export const PartnerCode = z
  .string()
  .regex(PARTNER_CODE, 'use 2 to 16 capital letters, digits, _ or -, starting with a letter');

/**
 * Hours as the database keeps them (numeric(6, 2)): more than 0 and at most 2160, in
 * hundredths, so that nothing is rounded on the way in (0.001 would become 0).
 */
const Hours = z
  .number()
  .positive('must be more than 0')
  .max(2160, 'must be at most 2160 (90 days)')
  .refine((h) => Math.abs(h * 100 - Math.round(h * 100)) < 1e-6, 'use at most two decimals (0.01 h)');

/** How far ahead a procedure's deadline may be when the file says nothing. */
export const DEFAULT_MAX_HORIZON_DAYS = 365;
/** Decision procedures: the latest deadline a chair may set, in days from the opening. */
const ProceduresSection = z.strictObject({
  maxHorizonDays: z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(3650, 'must be at most 3650 (ten years)')
    .default(DEFAULT_MAX_HORIZON_DAYS),
});
export type ProcedureSettings = z.infer<typeof ProceduresSection>;

/**
 * The record's witnesses: member states' keys that co-sign its checkpoints (`accord witness
 * init` prints a key), and how many co-signatures make a checkpoint witnessed (default: a
 * majority of them).
 */
const RecordSection = z.strictObject({
  witnesses: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[^\s+]{1,100}$/, 'must be a name without spaces or "+", e.g. witness.by'),
        state: StateCode.optional(),
        key: z.string().superRefine((key, ctx) => {
          try {
            parseVerifierKey(key);
          } catch (err) {
            ctx.addIssue({
              code: 'custom',
              message: `not a witness key (accord witness init prints one): ${(err as Error).message}`,
            });
          }
        }),
      }),
    )
    .default([]),
  quorum: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
});
export type RecordSettings = z.infer<typeof RecordSection>;

/** Co-signatures needed when the file names witnesses but no quorum: a majority. */
export const defaultQuorum = (witnesses: number) => (witnesses === 0 ? 0 : Math.floor(witnesses / 2) + 1);

function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

const SilenceMeaning = z.enum(['consent', 'refusal', 'escalation']);
const ResponseWindow = z.strictObject({ hours: Hours, onSilence: SilenceMeaning });
const PartialWindows = z.strictObject({
  emergency: ResponseWindow.optional(),
  urgent: ResponseWindow.optional(),
  routine: ResponseWindow.optional(),
});

/**
 * Movement clearances: where movements may enter and leave each state, how long each state
 * has to decide a leg per urgency and what its silence means, and how the council decides a
 * deployment request.
 */
const ClearancesSection = z.strictObject({
  crossingPoints: z
    .array(
      z.strictObject({
        code: z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,63}$/, 'use 2 to 64 capital letters, digits, _ or -'),
        name: Bilingual,
        kind: z.enum(['road', 'rail', 'air', 'sea']),
        states: z.array(StateCode).min(1).max(2, 'a crossing point connects at most two states'),
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
      }),
    )
    .default([]),
  responseWindows: z.strictObject({
    default: z.strictObject({ emergency: ResponseWindow, urgent: ResponseWindow, routine: ResponseWindow }),
    byState: z.record(StateCode, PartialWindows).default({}),
  }),
  deployment: z
    .strictObject({
      body: z.string(),
      procedure: z.enum(['silence', 'written', 'meeting_consensus', 'vote']),
      hours: Hours,
    })
    .optional(),
});

/**
 * An organisation file: the whole directory in one declarative document (YAML or JSON).
 * Unknown fields are refused so a typo never goes unnoticed.
 */
export const OrganisationFile = z
  .strictObject({
    organisation: z.strictObject({
      shortName: Bilingual,
      name: Bilingual,
      workingLanguages: z.array(z.enum(['en', 'ru'])).min(1, 'name at least one language'),
      timeZone: TimeZone,
    }),
    memberStates: z
      .array(z.strictObject({ code: StateCode, name: Bilingual, timeZone: TimeZone }))
      .min(1, 'name at least one member state'),
    bodies: z.array(
      z.strictObject({
        code: BodyCode,
        kind: z.enum(['council', 'permanent', 'secretariat', 'committee', 'other']),
        name: Bilingual,
        members: z.union([z.literal('all'), z.array(StateCode)]),
      }),
    ),
    partners: z
      .array(
        z.strictObject({
          code: PartnerCode,
          shortName: Bilingual,
          name: Bilingual,
        }),
      )
      .default([]),
    presidency: z
      .strictObject({
        state: StateCode,
        from: IsoDate,
        to: IsoDate,
        slogan: BilingualLong,
        priorities: z.array(
          z.strictObject({
            code: z
              .string()
              .regex(/^[a-z][a-z0-9-]{1,63}$/, 'use 2 to 64 lowercase letters, digits or dashes'),
            title: BilingualLong,
            items: z.array(BilingualLong).default([]),
          }),
        ),
      })
      .optional(),
    users: z
      .array(
        z.strictObject({
          username: z
            .string()
            .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'use 2 to 64 lowercase letters, digits, dots, dashes'),
          displayName: Text,
          email: z.string().email('is not an e-mail address').optional(),
          password: z.string().min(10, 'must be at least 10 characters'),
          affiliation: z.enum(AFFILIATIONS),
          state: StateCode.optional(),
          partner: z.string().optional(),
          role: z.enum(ROLES),
          // A person's level was `clearance:` before it was called access level: say so, at its line.
          clearance: z
            .never({
              error: (issue) =>
                `a person's level is now called accessLevel: write accessLevel: ${String(issue.input)}`,
            })
            .optional(),
          accessLevel: z.enum(ACCESS_LEVELS, {
            error: `must be one of ${ACCESS_LEVELS.join(', ')} (the highest classification the person may read)`,
          }),
          locale: z.enum(['en', 'ru']).default('en'),
          demo: z.boolean().default(false),
        }),
      )
      .default([]),
    clearances: ClearancesSection.optional(),
    monitoring: MonitoringSection.optional(),
    hotlines: z.array(HotlineDeclaration).default([]),
    procedures: ProceduresSection.default({ maxHorizonDays: DEFAULT_MAX_HORIZON_DAYS }),
    record: RecordSection.default({ witnesses: [] }),
  })
  .superRefine((file, ctx) => {
    const states = new Set<string>();
    file.memberStates.forEach((s, i) => {
      if (states.has(s.code))
        ctx.addIssue({
          code: 'custom',
          path: ['memberStates', i, 'code'],
          message: `${s.code} is listed twice`,
        });
      states.add(s.code);
    });
    const partners = new Set<string>();
    file.partners.forEach((p, i) => {
      if (partners.has(p.code))
        ctx.addIssue({ code: 'custom', path: ['partners', i, 'code'], message: `${p.code} is listed twice` });
      partners.add(p.code);
    });
    const bodies = new Set<string>();
    file.bodies.forEach((b, i) => {
      if (bodies.has(b.code))
        ctx.addIssue({ code: 'custom', path: ['bodies', i, 'code'], message: `${b.code} is listed twice` });
      bodies.add(b.code);
      if (Array.isArray(b.members))
        b.members.forEach((m, j) => {
          if (b.members.indexOf(m) !== j)
            ctx.addIssue({
              code: 'custom',
              path: ['bodies', i, 'members', j],
              message: `${m} is listed twice`,
            });
          else if (!states.has(m))
            ctx.addIssue({
              code: 'custom',
              path: ['bodies', i, 'members', j],
              message: `${m} is not a member state in this file`,
            });
        });
    });
    if (file.presidency) {
      if (!states.has(file.presidency.state))
        ctx.addIssue({
          code: 'custom',
          path: ['presidency', 'state'],
          message: `${file.presidency.state} is not a member state in this file`,
        });
      if (file.presidency.to < file.presidency.from)
        ctx.addIssue({ code: 'custom', path: ['presidency', 'to'], message: 'ends before it starts' });
      const priorities = new Set<string>();
      file.presidency.priorities.forEach((p, i) => {
        if (priorities.has(p.code))
          ctx.addIssue({
            code: 'custom',
            path: ['presidency', 'priorities', i, 'code'],
            message: `${p.code} is listed twice`,
          });
        priorities.add(p.code);
      });
    }
    if (file.clearances) checkClearances(file.clearances, states, bodies, ctx);
    if (file.monitoring) checkMonitoring(file.monitoring, states, ctx);
    checkHotlines(file.hotlines, states, ctx);
    checkWitnesses(file.record, states, ctx);
    // A deployment request opens a procedure that many hours ahead: it must fit the horizon.
    const deployment = file.clearances?.deployment;
    if (deployment && deployment.hours > file.procedures.maxHorizonDays * 24)
      ctx.addIssue({
        code: 'custom',
        path: ['clearances', 'deployment', 'hours'],
        message: `must be at most procedures.maxHorizonDays (${file.procedures.maxHorizonDays} days = ${file.procedures.maxHorizonDays * 24} h)`,
      });
    const usernames = new Set<string>();
    const emails = new Set<string>();
    file.users.forEach((u, i) => {
      const at = (field: string) => ['users', i, field];
      if (usernames.has(u.username))
        ctx.addIssue({ code: 'custom', path: at('username'), message: `${u.username} is listed twice` });
      usernames.add(u.username);
      if (u.email && emails.has(u.email.toLowerCase()))
        ctx.addIssue({ code: 'custom', path: at('email'), message: `${u.email} is listed twice` });
      if (u.email) emails.add(u.email.toLowerCase());
      if (u.affiliation !== 'delegation' && u.state)
        ctx.addIssue({
          code: 'custom',
          path: at('state'),
          message: `only a delegation member has a state (this is ${u.affiliation} staff)`,
        });
      if (u.affiliation !== 'partner' && u.partner)
        ctx.addIssue({
          code: 'custom',
          path: at('partner'),
          message: 'only a member of a partner organisation has a partner',
        });
      if (u.affiliation === 'delegation' && (!u.state || !states.has(u.state)))
        ctx.addIssue({
          code: 'custom',
          path: at('state'),
          message: 'a delegation member needs a member state of this file',
        });
      if (u.affiliation === 'partner' && (!u.partner || !partners.has(u.partner)))
        ctx.addIssue({
          code: 'custom',
          path: at('partner'),
          message: 'a partner member needs a partner of this file',
        });
      if (u.affiliation === 'partner' && u.role !== 'observer')
        ctx.addIssue({
          code: 'custom',
          path: at('role'),
          message: 'partner organisations take part as observers',
        });
      if (u.role === 'secretariat_admin' && u.affiliation !== 'secretariat')
        ctx.addIssue({
          code: 'custom',
          path: at('role'),
          message: 'only secretariat staff can be administrators',
        });
    });
  });
export type OrganisationFile = z.infer<typeof OrganisationFile>;

function checkClearances(
  section: z.infer<typeof ClearancesSection>,
  states: Set<string>,
  bodies: Set<string>,
  ctx: z.RefinementCtx,
) {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path: ['clearances', ...path], message });
  const codes = new Set<string>();
  section.crossingPoints.forEach((p, i) => {
    if (codes.has(p.code)) issue(['crossingPoints', i, 'code'], `${p.code} is listed twice`);
    codes.add(p.code);
    p.states.forEach((s, j) => {
      if (!states.has(s))
        issue(['crossingPoints', i, 'states', j], `${s} is not a member state in this file`);
    });
    if (p.states.length === 2 && p.states[0] === p.states[1])
      issue(['crossingPoints', i, 'states', 1], 'a border crossing connects two different states');
  });
  for (const state of Object.keys(section.responseWindows.byState))
    if (!states.has(state))
      issue(['responseWindows', 'byState', state], `${state} is not a member state in this file`);
  if (section.deployment && !bodies.has(section.deployment.body))
    issue(['deployment', 'body'], `${section.deployment.body} is not a body in this file`);
}

function checkWitnesses(record: RecordSettings, states: Set<string>, ctx: z.RefinementCtx) {
  const names = new Set<string>();
  record.witnesses.forEach((w, i) => {
    const at = (field: string) => ['record', 'witnesses', i, field];
    if (names.has(w.name))
      ctx.addIssue({ code: 'custom', path: at('name'), message: `${w.name} is listed twice` });
    names.add(w.name);
    if (w.state && !states.has(w.state))
      ctx.addIssue({
        code: 'custom',
        path: at('state'),
        message: `${w.state} is not a member state in this file`,
      });
    try {
      const key = parseVerifierKey(w.key);
      if (key.name !== w.name)
        ctx.addIssue({
          code: 'custom',
          path: at('key'),
          message: `is the key of ${key.name}, not of ${w.name}`,
        });
    } catch {
      /* reported at the key itself */
    }
  });
  if (record.quorum !== undefined && record.quorum > record.witnesses.length)
    ctx.addIssue({
      code: 'custom',
      path: ['record', 'quorum'],
      message: `must be at most the number of witnesses (${record.witnesses.length})`,
    });
}
