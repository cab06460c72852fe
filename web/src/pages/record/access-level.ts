import { ACCESS_LEVELS, type AccessLevel } from '../../types.ts';

type Payload = Record<string, unknown> | null | undefined;

const asLevel = (value: unknown): AccessLevel | null =>
  ACCESS_LEVELS.includes(value as AccessLevel) ? (value as AccessLevel) : null;

/**
 * The access level a person's record entry states: `accessLevel` when the account was
 * created, `changes.accessLevel` when it changed. Entries written before it was called
 * access level name the same thing `clearance`; both are the person's access level.
 *
 * @example
 * accessLevelStated({ action: 'user.updated', payload: { changes: { clearance: 'secret' } } }) // 'secret'
 */
export function accessLevelStated(entry: { action: string; payload?: Payload }): AccessLevel | null {
  const payload = entry.payload;
  if (!payload) return null;
  if (entry.action === 'user.created') return asLevel(payload.accessLevel ?? payload.clearance);
  if (entry.action === 'user.updated') {
    const changes = payload.changes as Payload;
    return asLevel(changes?.accessLevel ?? changes?.clearance);
  }
  return null;
}
