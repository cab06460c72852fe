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

/**
 * The address the request came from, as the Node server saw it (`c.env.incoming.socket`,
 * what `getConnInfo` of @hono/node-server reads), IPv4-mapped IPv6 written as IPv4. Behind a
 * reverse proxy (ACCORD_TRUST_PROXY=1) it is the last X-Forwarded-For entry: the address the
 * proxy saw. A request made in-process (`app.request` in tests, without a socket) gives
 * `local`.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (process.env.ACCORD_TRUST_PROXY === '1') {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded.replace(/^::ffff:(?=\d+\.)/i, '').slice(0, 64);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const address = env?.incoming?.socket?.remoteAddress;
  return address ? address.replace(/^::ffff:(?=\d+\.)/i, '') : 'local';
}
