import type { Context } from 'hono';
import type { Person } from '../core/actor.ts';
import { AppError } from '../core/errors.ts';
import type { Db } from '../db/connect.ts';
import type { AppEnv, Deps } from './env.ts';

export const deps = (c: Context<AppEnv>): Deps => c.get('deps');
export const db = (c: Context<AppEnv>): Db => c.get('deps').handle.db;

/** The signed-in person; 401 when nobody is. */
export function requirePerson(c: Context<AppEnv>): Person {
  const person = c.get('person');
  if (!person) throw new AppError('unauthenticated', 'sign in first');
  return person;
}

/**
 * Runs a command in one transaction: everything it writes, including its entry in the
 * record, commits together or not at all.
 */
export function inTransaction<T>(c: Context<AppEnv>, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db(c).transaction().execute(fn);
}
