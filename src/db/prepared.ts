import { type Compilable, CompiledQuery, type QueryResult } from 'kysely';
import type { Db } from './connect.ts';

/**
 * A hot query whose shape never changes, built and compiled by Kysely once: later calls
 * only put their values in place of the parameters. Kysely otherwise builds and compiles
 * the same operation tree on every call, which costs more CPU than the round trip of a
 * small query. Both dialects (pg and PGlite) compile with the PostgreSQL compiler, so one
 * SQL text serves both.
 *
 * `build` receives one placeholder per argument and must pass each straight through as a
 * value (not compute with it); every parameter of the compiled query must be one of them.
 *
 * @example
 * const byId = preparedQuery((db, id: string) => db.selectFrom('users').selectAll().where('id', '=', id));
 * const row = await byId.takeFirst(trx, userId);
 */
export function preparedQuery<A extends unknown[], O>(build: (db: Db, ...args: A) => Compilable<O>) {
  let compiled: { sql: string; slots: number[] } | undefined;
  const compile = (db: Db, arity: number) => {
    const markers = Array.from({ length: arity }, (_, i) => `\u0000accord-prepared-${i}\u0000`);
    const query = build(db, ...(markers as A)).compile();
    const slots = query.parameters.map((value) => {
      const slot = markers.indexOf(value as string);
      if (slot < 0) throw new Error(`preparedQuery: a parameter is not an argument: ${String(value)}`);
      return slot;
    });
    return { sql: query.sql, slots };
  };
  const execute = (db: Db, ...args: A): Promise<QueryResult<O>> => {
    compiled ??= compile(db, args.length);
    const { sql, slots } = compiled;
    return db.executeQuery(
      CompiledQuery.raw(
        sql,
        slots.map((slot) => args[slot]),
      ),
    ) as Promise<QueryResult<O>>;
  };
  return {
    execute,
    async takeFirst(db: Db, ...args: A): Promise<O | undefined> {
      return (await execute(db, ...args)).rows[0];
    },
  };
}
