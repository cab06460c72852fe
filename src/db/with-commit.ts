import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * Statements sent with the transaction's COMMIT: a write that nothing in the transaction
 * reads back (the record's pending entry, `appendEntry`) costs no round trip of its own. The
 * connection keeps the statement and sends it in the same message as COMMIT; PostgreSQL runs
 * both in the transaction, so the statement commits or rolls back with it, and an error in it
 * fails the COMMIT (Kysely then rolls back).
 *
 * Outside a transaction the statement runs at once. A SAVEPOINT first sends what is kept, so
 * a ROLLBACK TO SAVEPOINT drops exactly the kept statements written after it. A statement
 * marked `afterKept` also sends what is kept first, so that it runs after them (the record's
 * entries keep the order in which a command wrote them).
 *
 * The kept statement travels in the simple query protocol, so its parameters are written into
 * it as literals (`literal`): strings, numbers, booleans, null and arrays of strings only.
 */
const MARK = '/* sent with commit */ ';
const AFTER_KEPT = '/* after the statements kept for commit */ ';

/** Marks a compiled statement to be sent with the transaction's COMMIT (see above). */
export function withCommit(query: CompiledQuery): CompiledQuery {
  return CompiledQuery.raw(MARK + query.sql, [...query.parameters]);
}

/** Marks a compiled statement to run now, after the statements kept for COMMIT so far. */
export function afterKept(query: CompiledQuery): CompiledQuery {
  return CompiledQuery.raw(AFTER_KEPT + query.sql, [...query.parameters]);
}

/** The dialect with commit batching on each of its connections. */
export function batchingCommits(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new BatchingDriver(dialect.createDriver()),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}

class BatchingDriver implements Driver {
  constructor(private readonly inner: Driver) {}
  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new BatchingConnection(await this.inner.acquireConnection());
  }
  // The inner driver sends BEGIN, COMMIT and ROLLBACK through the connection it is given,
  // which is the batching one.
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection);
  }
  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    if (!this.inner.savepoint) throw new Error('the dialect has no savepoints');
    return this.inner.savepoint(connection, name, compile);
  }
  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    if (!this.inner.rollbackToSavepoint) throw new Error('the dialect has no savepoints');
    return this.inner.rollbackToSavepoint(connection, name, compile);
  }
  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    if (!this.inner.releaseSavepoint) throw new Error('the dialect has no savepoints');
    return this.inner.releaseSavepoint(connection, name, compile);
  }
  releaseConnection(connection: DatabaseConnection) {
    return this.inner.releaseConnection((connection as BatchingConnection).inner);
  }
  destroy() {
    return this.inner.destroy();
  }
}

const BEGIN = /^\s*(begin|start\s+transaction)\b/i;
const COMMIT = /^\s*(commit|end)\b/i;
const ROLLBACK_TO = /^\s*rollback\s+to\b/i;
const ROLLBACK = /^\s*(rollback|abort)\b/i;
const SAVEPOINT = /^\s*savepoint\b/i;

class BatchingConnection implements DatabaseConnection {
  private inTransaction = false;
  private kept: string[] = [];

  constructor(readonly inner: DatabaseConnection) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const text = query.sql;
    if (text.startsWith(MARK)) {
      if (!this.inTransaction) return this.inner.executeQuery(query);
      this.kept.push(inlineParameters(text, query.parameters));
      return { rows: [] };
    }
    if (BEGIN.test(text)) {
      this.inTransaction = true;
      this.kept = [];
    } else if (COMMIT.test(text)) {
      this.inTransaction = false;
      const kept = this.take();
      if (kept.length) {
        await this.inner.executeQuery(CompiledQuery.raw(`${kept.join(';\n')};\n${text}`));
        return { rows: [] };
      }
    } else if (ROLLBACK_TO.test(text)) {
      this.kept = [];
    } else if (ROLLBACK.test(text)) {
      this.inTransaction = false;
      this.kept = [];
    } else if (SAVEPOINT.test(text) || text.startsWith(AFTER_KEPT)) {
      const kept = this.take();
      if (kept.length) await this.inner.executeQuery(CompiledQuery.raw(kept.join(';\n')));
    }
    return this.inner.executeQuery(query);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery(query, chunkSize);
  }

  private take(): string[] {
    const kept = this.kept;
    this.kept = [];
    return kept;
  }
}

/** The statement with each `$n` replaced by its parameter as a literal. */
export function inlineParameters(sql: string, parameters: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= parameters.length) throw new Error(`no parameter $${n}`);
    return literal(parameters[index]);
  });
}

/**
 * A value as an SQL literal. Strings use the E'' form, whose escapes do not depend on
 * standard_conforming_strings; arrays become an array literal string (the statement casts it).
 */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a literal`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) {
    const elements = value.map((v) => {
      if (v === null) return 'NULL';
      if (typeof v !== 'string') throw new Error('only arrays of strings can be written as literals');
      return `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
    });
    return quote(`{${elements.join(',')}}`);
  }
  throw new Error(`cannot write a ${typeof value} as a literal`);
}

function quote(text: string): string {
  if (text.includes('\u0000')) throw new Error('a literal cannot hold a NUL character');
  return `E'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}
