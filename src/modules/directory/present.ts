import { z } from '@hono/zod-openapi';
import { Bilingual } from '../../http/openapi.ts';

export const OrganisationSchema = z
  .object({
    shortName: Bilingual,
    name: Bilingual,
    workingLanguages: z.array(z.string()),
    timeZone: z.string(),
  })
  .openapi('Organisation');

export const PresidencySchema = z
  .object({
    state: z.object({ code: z.string(), name: Bilingual }),
    from: z.string(),
    to: z.string(),
    slogan: Bilingual,
    priorities: z.array(z.object({ code: z.string(), title: Bilingual, items: z.array(Bilingual) })),
  })
  .openapi('Presidency');

export const MemberStateSchema = z
  .object({ code: z.string(), name: Bilingual, timeZone: z.string(), bodies: z.array(z.string()) })
  .openapi('MemberState');

export const BodySchema = z
  .object({ code: z.string(), kind: z.string(), name: Bilingual, members: z.array(z.string()) })
  .openapi('Body');

export const PartnerSchema = z
  .object({ code: z.string(), shortName: Bilingual, name: Bilingual })
  .openapi('Partner');

export const ProcedureSettingsSchema = z
  .object({
    maxHorizonDays: z
      .number()
      .int()
      .openapi({ description: 'How far ahead of its opening a procedure deadline may be, in days' }),
  })
  .openapi('ProcedureSettings');

export const bilingual = (en: string, ru: string) => ({ en, ru });
