import { z } from '@hono/zod-openapi';

/** The organisation file's building blocks, shared by its sections. */
export const Text = z.string().trim().min(1, 'is required').max(500);
const LongText = z.string().trim().min(1, 'is required').max(4000);
export const Bilingual = z.strictObject({ en: Text, ru: Text });
export const BilingualLong = z.strictObject({ en: LongText, ru: LongText });

/** A member state's code, as the organisation file, the database's CHECKs and the API's paths write it. */
export const STATE_CODE = /^[A-Z]{2}$/;
export const StateCode = z.string().regex(STATE_CODE, 'must be a two-letter ISO 3166 code in capitals');

/** A code of the file's own taxonomies (categories, regions, indicators, alert levels). */
export const TaxonomyCode = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,63}$/, 'use 2 to 64 lowercase letters, digits or dashes, starting with a letter');
