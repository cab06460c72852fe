import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ledgerActionJsonSchemas, ledgerActionSpecs, ledgerEntryPayload } from './actions.ts';

// Typed record payloads, as declared: every kind of entry has a description and a strict zod
// schema of its payload with every field described, and none has a field for a secret. What
// the commands write against these schemas is checked in payloads.test.ts.

/** Every action the modules declare. */
const declaredActions = () => [...ledgerActionSpecs().keys()];

describe('the kinds of record entries', () => {
  it('every action has a description and a strict payload schema, in JSON Schema too', () => {
    const specs = ledgerActionSpecs();
    expect(specs.size).toBeGreaterThan(50);
    for (const action of declaredActions()) {
      const spec = specs.get(action);
      expect(spec?.description, action).toMatch(/^[A-Z].{10,}\.$/);
      expect(spec?.payload, action).toBeInstanceOf(z.ZodType);
      // Strict: a field nobody declared is refused.
      expect(spec?.payload.safeParse({ unexpected: 1 }).success, action).toBe(false);
    }
    const documented = ledgerActionJsonSchemas();
    expect(documented.map((d) => d.action).sort()).toEqual(declaredActions().sort());
    for (const d of documented) {
      expect(d.payload.type, d.action).toBe('object');
      expect(d.payload.additionalProperties, d.action).toBe(false);
      expect(d.module, d.action).toMatch(/^[a-z]+$/);
    }
  });

  it('every field of every payload is described', () => {
    const undescribed: string[] = [];
    const walk = (schema: unknown, path: string) => {
      if (!schema || typeof schema !== 'object') return;
      const s = schema as Record<string, unknown>;
      for (const [name, child] of Object.entries((s.properties as Record<string, unknown>) ?? {})) {
        const c = child as Record<string, unknown>;
        const described =
          c.description ?? (c.anyOf as { description?: string }[] | undefined)?.[0]?.description;
        if (!described && path.split('.').length < 3) undescribed.push(`${path}.${name}`);
        walk(child, `${path}.${name}`);
      }
    };
    for (const d of ledgerActionJsonSchemas()) walk(d.payload, d.action);
    expect(undescribed).toEqual([]);
  });

  it('no payload has a field for a secret: password, token, webhook secret, file bytes', () => {
    const names = new Set<string>();
    const walk = (schema: unknown) => {
      if (!schema || typeof schema !== 'object') return;
      if (Array.isArray(schema)) return schema.forEach(walk);
      const s = schema as Record<string, unknown>;
      for (const name of Object.keys((s.properties as object) ?? {})) names.add(name);
      Object.values(s).forEach(walk);
    };
    for (const d of ledgerActionJsonSchemas()) walk(d.payload);
    const secret =
      /^(password|passwordHash|secret|token|tokenHash|sessionToken|csrfToken|data|dataBase64|internalNote)$/i;
    expect([...names].filter((n) => secret.test(n))).toEqual([]);
  });

  it('the union reads an entry by its action and refuses a payload of another kind', () => {
    const entry = ledgerEntryPayload().parse({ action: 'user.locale_changed', payload: { locale: 'ru' } });
    expect(entry.action === 'user.locale_changed' && entry.payload.locale).toBe('ru');
    expect(
      ledgerEntryPayload().safeParse({ action: 'user.locale_changed', payload: { username: 'x' } }).success,
    ).toBe(false);
    expect(ledgerEntryPayload().safeParse({ action: 'no.such_action', payload: {} }).success).toBe(false);
  });
});
