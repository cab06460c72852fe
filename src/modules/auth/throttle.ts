import { isIPv6 } from 'node:net';
import { sql } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import { SIGN_IN_LIMITS } from './schema.ts';

/**
 * Sign-in throttling, without a lock-out (OWASP ASVS 2.2.1). Failed sign-ins are counted in
 * `sign_in_failures` (migration 0015) by client address and, when the name was an account's,
 * by account; nothing the caller typed is kept. The rules, with the numbers of
 * `SIGN_IN_LIMITS`:
 *
 * - per address: an address (an IPv6 address by its /64) with `perAddress` failures in the
 *   last `windowMinutes` is answered 429 until the oldest of them leaves the window;
 * - per account: once an account has `accountDelayFrom` failures in the window, a try on it
 *   from an address that has failed in the window waits 2^(n-2) s after the account's last
 *   failure (n its failures), at most `accountDelayCapSeconds`. An address with no failures
 *   in the window is never delayed by the account's count, so an outsider cannot keep the
 *   account's owner out; a success forgets that address's failures on that account.
 *
 * Throttled tries are refused before the password is checked and are not counted.
 */

const windowMs = SIGN_IN_LIMITS.windowMinutes * 60_000;

/**
 * The key an address is counted under: IPv4 as it is, IPv6 by its /64 (one host usually
 * holds the whole /64), anything else (`local`) as it is.
 */
export function throttleKey(address: string): string {
  const bare = address.replace(/%.*$/, '');
  if (!isIPv6(bare)) return address.slice(0, 64);
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(bare)) return bare.slice(7);
  const [head, tail = ''] = bare.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = bare.includes('::') && tail ? tail.split(':') : [];
  const groups = bare.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

const tooMany = (why: string, wait: number) =>
  new AppError('too_many_requests', `${why}: try again in ${wait} s`, [], { 'Retry-After': String(wait) });

/** Locks the address's counter for this transaction, so tries from one address are counted one after another. */
export async function lockAddress(trx: Db, key: string) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:${key}`}, 0))`.execute(trx);
}

/** The address's failures in the window, and the refusal when it has too many. */
export async function checkAddress(trx: Db, key: string, now: Date) {
  const recent = await trx
    .selectFrom('sign_in_failures')
    .select('at')
    .where('address', '=', key)
    .where('at', '>', new Date(now.getTime() - windowMs))
    .orderBy('at', 'desc')
    .limit(SIGN_IN_LIMITS.perAddress)
    .execute();
  if (recent.length < SIGN_IN_LIMITS.perAddress) return { failures: recent.length, refusal: null };
  // Allowed again once the oldest of the last `perAddress` failures leaves the window.
  const oldest = recent[recent.length - 1].at;
  const wait = seconds(oldest.getTime() + windowMs - now.getTime());
  return {
    failures: recent.length,
    refusal: tooMany('too many failed sign-ins from this address', wait),
  };
}

/** The refusal when the account's recent failures make a try from a failing address wait. */
export async function checkAccount(trx: Db, userId: string, now: Date) {
  const { n, last } = await trx
    .selectFrom('sign_in_failures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
    .where('user_id', '=', userId)
    .where('at', '>', new Date(now.getTime() - windowMs))
    .executeTakeFirstOrThrow();
  if (Number(n) < SIGN_IN_LIMITS.accountDelayFrom || !last) return null;
  const delay = Math.min(2 ** (Number(n) - 2), SIGN_IN_LIMITS.accountDelayCapSeconds) * 1000;
  const notBefore = new Date(last).getTime() + delay;
  if (now.getTime() >= notBefore) return null;
  return tooMany(
    'too many failed sign-ins to this account from failing addresses',
    seconds(notBefore - now.getTime()),
  );
}

/** Counts a failure, and forgets those that have left the window. */
export async function countFailure(trx: Db, key: string, userId: string | null, now: Date) {
  await trx.insertInto('sign_in_failures').values({ at: now, address: key, user_id: userId }).execute();
  await trx
    .deleteFrom('sign_in_failures')
    .where('at', '<=', new Date(now.getTime() - windowMs))
    .execute();
}

/** After a success: this address's failures on this account are forgotten (its other failures still count). */
export async function forgetFailures(trx: Db, key: string, userId: string) {
  await trx.deleteFrom('sign_in_failures').where('address', '=', key).where('user_id', '=', userId).execute();
}
