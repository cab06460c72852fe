import { describe, expect, it } from 'vitest';
import { assemblePlatform } from '../../platform.ts';
import { MODULES } from '../index.ts';
import { webhooksLedgerActions } from '../webhooks/record.ts';
import { ledgerActionSpecs } from './actions.ts';

describe('record actions are declared by their modules', () => {
  it('every module declares its own actions: none is declared twice, each by a module of the list', () => {
    assemblePlatform(MODULES);
    const modules = new Set(MODULES.map((m) => m.name));
    for (const [action, spec] of ledgerActionSpecs()) expect(modules.has(spec.module), action).toBe(true);
    expect(() =>
      assemblePlatform([...MODULES, { name: 'twice', ledgerActions: webhooksLedgerActions }]),
    ).toThrow(/declared twice/);
    assemblePlatform(MODULES);
  });
});
