import { describe, expect, it } from 'vitest';
import { accessLevelStated } from './access-level.ts';

describe("a person's access level on the record page", () => {
  it('reads accessLevel, and clearance in entries written before it was called access level', () => {
    expect(accessLevelStated({ action: 'user.created', payload: { accessLevel: 'confidential' } })).toBe(
      'confidential',
    );
    expect(accessLevelStated({ action: 'user.created', payload: { clearance: 'secret' } })).toBe('secret');
    expect(
      accessLevelStated({ action: 'user.updated', payload: { changes: { accessLevel: 'public' } } }),
    ).toBe('public');
    expect(
      accessLevelStated({ action: 'user.updated', payload: { changes: { clearance: 'restricted' } } }),
    ).toBe('restricted');
  });

  it('says nothing for other entries, a change without a level, a hidden payload or an unknown value', () => {
    expect(accessLevelStated({ action: 'user.updated', payload: { changes: { email: null } } })).toBeNull();
    expect(accessLevelStated({ action: 'user.created', payload: null })).toBeNull();
    expect(accessLevelStated({ action: 'user.created', payload: { accessLevel: 'cosmic' } })).toBeNull();
    // A clearance request's entries are about the movement permission, never a person's level.
    expect(
      accessLevelStated({ action: 'clearance.requested', payload: { classification: 'secret' } }),
    ).toBeNull();
  });
});
