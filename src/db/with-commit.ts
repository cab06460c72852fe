import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { COPY_OUT } from './copy-out.ts';

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

export interface BatchingOptions {
  /**
   * BEGIN travels with the transaction's first statement (one message, one round trip fewer
   * per transaction) when that statement's parameters can be written as literals; else it goes
   * alone first, as before. For a server, where each message is a round trip and a system
   * call; the connection must answer a query of several statements with the last one's result
   * (`lastResultOnly` in connect.ts).
   */
  beginWithFirstStatement?: boolean;
}

/** The dialect with commit batching on each of its connections. */
export function batchingCommits(dialect: Dialect, options: BatchingOptions = {}): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new BatchingDriver(dialect.createDriver(), options),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}

class BatchingDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly options: BatchingOptions,
  ) {}
  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new BatchingConnection(await this.inner.acquireConnection(), this.options);
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
  /** A BEGIN not sent yet: it goes with the next statement. */
  private begin: string | null = null;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly options: BatchingOptions = {},
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.begin !== null) return this.withBegin(query);
    return this.execute(query);
  }

  /** The statement, preceded by the BEGIN kept for it: in one message when it can be. */
  private async withBegin<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const begin = this.begin as string;
    this.begin = null;
    const text = query.sql;
    let inlined: string | null = null;
    if (
      !text.startsWith(MARK) &&
      !COMMIT.test(text) &&
      !ROLLBACK.test(text) &&
      !SAVEPOINT.test(text) &&
      !COPY_OUT.test(text) // a COPY goes in a message of its own (connect.ts streams it)
    ) {
      try {
        inlined = inlineParameters(
          text.startsWith(AFTER_KEPT) ? text.slice(AFTER_KEPT.length) : text,
          query.parameters,
          'untyped',
        );
      } catch {
        inlined = null; // a parameter without a literal form (a date, bytes): BEGIN goes alone
      }
    }
    if (inlined === null) {
      await this.inner.executeQuery(CompiledQuery.raw(begin));
      return this.execute(query);
    }
    return this.inner.executeQuery(CompiledQuery.raw(`${begin};\n${inlined}`));
  }

  private async execute<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const text = query.sql;
    if (text.startsWith(MARK)) {
      if (!this.inTransaction) return this.inner.executeQuery(query);
      this.kept.push(inlineParameters(text, query.parameters));
      return { rows: [] };
    }
    if (BEGIN.test(text)) {
      this.inTransaction = true;
      this.kept = [];
      if (this.options.beginWithFirstStatement && query.parameters.length === 0) {
        this.begin = text;
        return { rows: [] };
      }
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

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (this.begin !== null) {
      const begin = this.begin;
      this.begin = null;
      await this.inner.executeQuery(CompiledQuery.raw(begin));
    }
    yield* this.inner.streamQuery<R>(query, chunkSize);
  }

  private take(): string[] {
    const kept = this.kept;
    this.kept = [];
    return kept;
  }
}

/**
 * The statement with each `$n` replaced by its parameter as a literal. `untyped` writes every
 * value as a quoted literal of unknown type, which PostgreSQL types from where it stands, as
 * it types a parameter: `subject_id = '7'` stays a text comparison where `= 7` would not.
 */
export function inlineParameters(
  sql: string,
  parameters: readonly unknown[],
  mode: 'typed' | 'untyped' = 'typed',
): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= parameters.length) throw new Error(`no parameter $${n}`);
    const value = parameters[index];
    if (mode === 'untyped' && (typeof value === 'number' || typeof value === 'boolean')) {
      if (typeof value === 'number' && !Number.isFinite(value))
        throw new Error(`cannot write ${value} as a literal`);
      return quote(String(value));
    }
    return literal(value);
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
