import type { MiddlewareHandler } from 'hono';
import { AppError, type FieldProblem } from '../core/errors.ts';
import type { AppEnv } from './env.ts';

// Text PostgreSQL cannot store, refused before any route sees it. JSON may carry a NUL
// ("\u0000") or half of a UTF-16 surrogate pair ("\ud800"): JSON.parse accepts both, and
// the first place that minds is the database, deep in a command (a text column refuses NUL
// with 22021, jsonb refuses both with 22P05) or the record's entry. So every JSON body and
// every query parameter is checked here, once for all routes, and a 400 names each field path
// the way validation does ("points.2.text", "query.q"). Path parameters are ids and codes,
// refused by their schemas already.

/** A UTF-16 code unit of a surrogate pair without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or null. */
export function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(text)) return 'contains a lone surrogate (half of a UTF-16 pair)';
  return null;
}

/** At most this many fields are named in one answer. */
const MAX_PROBLEMS = 20;

/**
 * Every string in a parsed JSON value (object keys too) that cannot be stored, with its
 * dotted path ("points.2.text"; "(body)" for the value itself). Walks with its own stack, so
 * however deep the nesting, it never overflows.
 *
 * @example unstorableFields(JSON.parse('{"points":[{"text":"a\\u0000b"}]}'))
 *   // [{ field: 'points.0.text', reason: 'contains a NUL character' }]
 */
export function unstorableFields(value: unknown, prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: [unknown, string][] = [[value, prefix]];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      const reason = unstorableText(item);
      if (reason) problems.push({ field: path || '(body)', reason });
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], join(path, String(i))]);
    } else if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        const keyReason = unstorableText(key);
        if (keyReason)
          problems.push({ field: join(path, JSON.stringify(key)), reason: `its name ${keyReason}` });
        else stack.push([child, join(path, key)]);
      }
    }
  }
  return problems;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

const isJson = (contentType: string | undefined) =>
  !!contentType && /^application\/([\w.+-]+\+)?json\b/i.test(contentType.trim());

const refuse = (fields: FieldProblem[]) =>
  new AppError(
    'validation_failed',
    `text that cannot be stored: ${fields.map((f) => `${f.field} ${f.reason}`).join('; ')}`,
    fields,
  );

/**
 * Answers 400 when a JSON body or a query parameter carries a NUL or a lone surrogate,
 * naming each field. A body that is not JSON at all is left to the route's
 * validation (400 malformed_json), as before.
 */
export const textCheck: MiddlewareHandler<AppEnv> = async (c, next) => {
  const fields: FieldProblem[] = [];
  for (const [name, values] of Object.entries(c.req.queries())) {
    const nameReason = unstorableText(name);
    if (nameReason) fields.push({ field: `query.${JSON.stringify(name)}`, reason: `its name ${nameReason}` });
    else
      for (const value of values) {
        const reason = unstorableText(value);
        if (reason) fields.push({ field: `query.${name}`, reason });
      }
  }
  if (
    fields.length === 0 &&
    c.req.method !== 'GET' &&
    c.req.method !== 'HEAD' &&
    isJson(c.req.header('content-type'))
  ) {
    // Read once: the route's validator parses the same text again from Hono's body cache.
    const text = await c.req.text();
    let parsed: unknown;
    let ok = true;
    try {
      parsed = JSON.parse(text);
    } catch {
      ok = false;
    }
    if (ok) fields.push(...unstorableFields(parsed));
  }
  if (fields.length > 0) throw refuse(fields.slice(0, MAX_PROBLEMS));
  await next();
};
