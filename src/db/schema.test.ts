/**
 * The hand-kept Kysely types (src/db/schema.ts with schema-clearances.ts) against the
 * database catalogue after every migration: each table and column on one side exists on
 * the other, with a type the drivers really return (see `expectedKinds`), `| null`
 * exactly where the column is nullable, an insert that may omit the column exactly where
 * the database fills it in (a default, or null), and, for text columns limited by a
 * `check (x in (...))`, the same literals in the TypeScript union.
 *
 * The TypeScript is read with the compiler's type checker, so aliases (`CreatedAt`,
 * `Generated<>`, `ColumnType<>`) and the interfaces imported from schema-clearances.ts
 * resolve as tsc sees them. Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../testing/harness.ts';
import type { DbHandle } from './connect.ts';

const SCHEMA_FILE = join(dirname(fileURLToPath(import.meta.url)), 'schema.ts');

/** What a TypeScript type can hold, coarsely: the unit both sides are compared in. */
type Kind =
  | 'string'
  | 'number'
  | 'boolean'
  | 'Date'
  | 'bytes'
  | 'object'
  | 'unknown'
  | 'bigint'
  | `${string}[]`;

interface DeclaredColumn {
  /** Kinds of the type a select returns, without null. */
  select: Set<Kind>;
  selectNullable: boolean;
  /** The string literals of the select type when it is a union of them only. */
  literals: string[] | null;
  /** Whether an insert may leave the column out. */
  insertOptional: boolean;
  /** Kinds an insert or an update may give (without null and undefined). */
  written: Set<Kind>;
  text: string;
}

interface CatalogueColumn {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  is_identity: 'YES' | 'NO';
  is_generated: 'ALWAYS' | 'NEVER';
}

/** The database types and the kinds a declared select type may use for them. */
function expectedKinds(udt: string): Kind[] {
  if (udt.startsWith('_')) return expectedKinds(udt.slice(1)).map((kind) => `${kind}[]` as Kind);
  switch (udt) {
    case 'text':
    case 'varchar':
    case 'bpchar':
    case 'uuid':
    case 'citext':
    case 'name':
      return ['string'];
    case 'int2':
    case 'int4':
    case 'int8': // both drivers give int8 as a number (src/db/connect.ts)
    case 'float4':
    case 'float8':
      return ['number'];
    case 'numeric': // a string from both drivers, to keep its precision
      return ['string'];
    case 'bool':
      return ['boolean'];
    case 'timestamptz':
    case 'timestamp':
    case 'date':
      return ['Date', 'string'];
    case 'bytea':
      return ['bytes'];
    case 'json':
    case 'jsonb':
      return ['unknown', 'object', 'string[]', 'number[]', 'object[]', 'unknown[]'];
    default:
      throw new Error(`schema.test.ts does not know the database type ${udt}: add it to expectedKinds`);
  }
}

/** Reads the `Database` interface of src/db/schema.ts: table -> column -> what it declares. */
function readDeclaredSchema(
  file = SCHEMA_FILE,
  virtualText?: string,
): Map<string, Map<string, DeclaredColumn>> {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2023.d.ts'],
  };
  const host = ts.createCompilerHost(options);
  if (virtualText !== undefined) {
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language, ...rest) =>
      name === file ? ts.createSourceFile(name, virtualText, language) : read(name, language, ...rest);
    const exists = host.fileExists.bind(host);
    host.fileExists = (name) => name === file || exists(name);
  }
  const program = ts.createProgram([file], options, host);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`cannot read ${file}`);
  const database = source.statements.find(
    (node): node is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(node) && node.name.text === 'Database',
  );
  if (!database) throw new Error(`${file} has no \`interface Database\``);

  const kindsOf = (type: ts.Type): { kinds: Set<Kind>; nullable: boolean; optional: boolean } => {
    const kinds = new Set<Kind>();
    let nullable = false;
    let optional = false;
    for (const part of type.isUnion() ? type.types : [type]) {
      const flags = part.flags;
      if (flags & ts.TypeFlags.Null) nullable = true;
      else if (flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) optional = true;
      else if (flags & ts.TypeFlags.Never) continue;
      else if (flags & ts.TypeFlags.StringLike) kinds.add('string');
      else if (flags & ts.TypeFlags.NumberLike) kinds.add('number');
      else if (flags & ts.TypeFlags.BooleanLike) kinds.add('boolean');
      else if (flags & ts.TypeFlags.BigIntLike) kinds.add('bigint');
      else if (flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) {
        kinds.add('unknown');
        nullable = true;
        optional = true;
      } else if (checker.isArrayType(part)) {
        const [element] = checker.getTypeArguments(part as ts.TypeReference);
        for (const kind of kindsOf(element).kinds) kinds.add(`${kind}[]` as Kind);
      } else {
        const name = part.getSymbol()?.getName();
        kinds.add(name === 'Date' ? 'Date' : name === 'Uint8Array' || name === 'Buffer' ? 'bytes' : 'object');
      }
    }
    return { kinds, nullable, optional };
  };

  const literalsOf = (type: ts.Type): string[] | null => {
    const parts = (type.isUnion() ? type.types : [type]).filter((part) => !(part.flags & ts.TypeFlags.Null));
    if (!parts.length || !parts.every((part) => part.isStringLiteral())) return null;
    return parts.map((part) => (part as ts.StringLiteralType).value).sort();
  };

  const tables = new Map<string, Map<string, DeclaredColumn>>();
  for (const table of checker.getTypeAtLocation(database).getProperties()) {
    const columns = new Map<string, DeclaredColumn>();
    for (const column of checker.getTypeOfSymbolAtLocation(table, database).getProperties()) {
      const type = checker.getTypeOfSymbolAtLocation(column, database);
      const selectSymbol = type.getProperty('__select__');
      const insertSymbol = type.getProperty('__insert__');
      const select = selectSymbol ? checker.getTypeOfSymbolAtLocation(selectSymbol, database) : type;
      const insert = insertSymbol ? checker.getTypeOfSymbolAtLocation(insertSymbol, database) : type;
      const updateSymbol = type.getProperty('__update__');
      const update = updateSymbol ? checker.getTypeOfSymbolAtLocation(updateSymbol, database) : type;
      const selected = kindsOf(select);
      columns.set(column.getName(), {
        select: selected.kinds,
        selectNullable: selected.nullable,
        literals: literalsOf(select),
        insertOptional: kindsOf(insert).optional || (column.flags & ts.SymbolFlags.Optional) !== 0,
        written: new Set([...kindsOf(insert).kinds, ...kindsOf(update).kinds]),
        text: checker.typeToString(type, database, ts.TypeFormatFlags.NoTruncation),
      });
    }
    tables.set(table.getName(), columns);
  }
  return tables;
}

type Declared = Map<string, Map<string, DeclaredColumn>>;

/** What the catalogue says: table -> column, and the literals of single-column `check (x in (...))`. */
interface Catalogue {
  columns: Map<string, Map<string, CatalogueColumn>>;
  allowedValues: Map<string, Map<string, string[]>>;
}

/**
 * Columns the database fills in when an insert leaves them out, whose type still makes
 * every insert name them: leaving them out would be a silent choice the code should make.
 */
const INSERT_MUST_GIVE: Record<string, string> = {
  'ledger_entries.classification':
    'a record entry states its classification; 0 (public) by omission would leak',
  'proposals.classification': 'a proposal states its classification; 0 (public) by omission would leak',
  'deployments.classification': 'a deployment states its classification; 0 (public) by omission would leak',
  'users.access_level': 'a person is given an access level knowingly',
  'notifications.details': 'each kind of notification writes its own details',
  'member_states.position': 'the organisation file gives the order',
  'partners.position': 'the organisation file gives the order',
  'bodies.position': 'the organisation file gives the order',
  'crossing_points.position': 'the organisation file gives the order',
};

async function readCatalogue(handle: DbHandle): Promise<Catalogue> {
  const rows = await sql<CatalogueColumn>`
    select c.table_name, c.column_name, c.udt_name, c.is_nullable, c.column_default, c.is_identity, c.is_generated
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(handle.db);
  const columns = new Map<string, Map<string, CatalogueColumn>>();
  for (const column of rows.rows) {
    const table = columns.get(column.table_name) ?? new Map<string, CatalogueColumn>();
    table.set(column.column_name, column);
    columns.set(column.table_name, table);
  }
  const checks = await sql<{ table_name: string; column_name: string; definition: string }>`
    select rel.relname as table_name, att.attname as column_name, pg_get_constraintdef(con.oid) as definition
    from pg_constraint con
    join pg_class rel on rel.oid = con.conrelid
    join pg_namespace ns on ns.oid = rel.relnamespace
    join pg_attribute att on att.attrelid = con.conrelid and att.attnum = con.conkey[1]
    where con.contype = 'c' and ns.nspname = 'public' and cardinality(con.conkey) = 1`.execute(handle.db);
  const allowedValues = new Map<string, Map<string, string[]>>();
  for (const check of checks.rows) {
    // `x in ('a', 'b')` reads back as CHECK ((x = ANY (ARRAY['a'::text, 'b'::text])))
    const list = /^CHECK \(\(\w+ = ANY \(\(?ARRAY\[(.*)\]\)?(?:::text\[\])?\)\)\)$/.exec(
      check.definition,
    )?.[1];
    if (!list) continue;
    const values = [...list.matchAll(/'((?:[^']|'')*)'::/g)].map((m) => m[1].replaceAll("''", "'")).sort();
    const table = allowedValues.get(check.table_name) ?? new Map<string, string[]>();
    table.set(check.column_name, values);
    allowedValues.set(check.table_name, table);
  }
  return { columns, allowedValues };
}

function missingTables(declared: Declared, catalogue: Catalogue): string[] {
  return [
    ...[...catalogue.columns.keys()]
      .filter((table) => !declared.has(table))
      .map((table) => `table ${table}: in the database, missing from the Database interface`),
    ...[...declared.keys()]
      .filter((table) => !catalogue.columns.has(table))
      .map((table) => `table ${table}: in the Database interface, not in the database`),
  ];
}

function missingColumns(declared: Declared, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  for (const [table, columns] of catalogue.columns) {
    const types = declared.get(table);
    if (!types) continue;
    for (const column of columns.keys())
      if (!types.has(column)) problems.push(`${table}.${column}: in the database, not declared`);
    for (const column of types.keys())
      if (!columns.has(column)) problems.push(`${table}.${column}: declared, not in the database`);
  }
  return problems;
}

function wrongTypes(declared: Declared, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  for (const [table, columns] of catalogue.columns) {
    for (const [name, column] of columns) {
      const type = declared.get(table)?.get(name);
      if (!type) continue;
      const nullable = column.is_nullable === 'YES';
      const where = `${table}.${name} (${column.udt_name}${nullable ? ', nullable' : ''}) is declared ${type.text}`;
      const allowed = new Set<Kind>(expectedKinds(column.udt_name));
      const wrong = [...type.select].filter((kind) => !allowed.has(kind));
      if (wrong.length || !type.select.size)
        problems.push(
          `${where}: a select gives ${[...allowed].join(' or ')}, not ${wrong.join(' | ') || 'nothing'}`,
        );
      if (nullable && !type.selectNullable) problems.push(`${where}: the column may be null, add | null`);
      if (!nullable && type.selectNullable && !type.select.has('unknown'))
        problems.push(`${where}: the column is not null, drop | null`);
    }
  }
  return problems;
}

function wrongInserts(declared: Declared, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  for (const [table, columns] of catalogue.columns) {
    for (const [name, column] of columns) {
      const type = declared.get(table)?.get(name);
      if (!type) continue;
      const filled =
        column.column_default !== null || column.is_identity === 'YES' || column.is_generated === 'ALWAYS';
      const where = `${table}.${name} is declared ${type.text}`;
      if (filled && !type.insertOptional && !INSERT_MUST_GIVE[`${table}.${name}`])
        problems.push(
          `${where}: the database has a default (${column.column_default ?? 'identity'}); use Generated<> or a ColumnType whose insert type allows undefined (or list it in INSERT_MUST_GIVE with the reason)`,
        );
      if (!filled && column.is_nullable === 'NO' && type.insertOptional)
        problems.push(
          `${where}: not null and no default, so an insert must give it, but its insert type allows undefined`,
        );
    }
  }
  for (const key of Object.keys(INSERT_MUST_GIVE)) {
    const [table, name] = key.split('.');
    if (catalogue.columns.get(table)?.get(name)?.column_default == null)
      problems.push(
        `${key} is in INSERT_MUST_GIVE but has no default in the database any more: remove it from the list`,
      );
  }
  return problems;
}

function wrongLiterals(declared: Declared, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  for (const [table, columns] of catalogue.allowedValues) {
    for (const [name, values] of columns) {
      const literals = declared.get(table)?.get(name)?.literals;
      if (!literals) continue;
      const missing = values.filter((value) => !literals.includes(value));
      const extra = literals.filter((value) => !values.includes(value));
      if (missing.length)
        problems.push(
          `${table}.${name}: the database allows ${missing.join(', ')}, which the type does not list`,
        );
      if (extra.length)
        problems.push(
          `${table}.${name}: the type lists ${extra.join(', ')}, which the database's check refuses`,
        );
    }
  }
  return problems;
}

/**
 * JSON columns take JSON text: the code sends JSON.stringify(...) and casts it (`$1::jsonb`).
 * Handing the driver an object or an array instead is a trap: node-postgres sends a JS array
 * as a PostgreSQL array literal, which a jsonb column refuses or misreads.
 */
function wrongWrites(declared: Declared, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  for (const [table, columns] of catalogue.columns) {
    for (const [name, column] of columns) {
      const type = declared.get(table)?.get(name);
      if (!type || (column.udt_name !== 'jsonb' && column.udt_name !== 'json')) continue;
      const wrong = [...type.written].filter((kind) => kind !== 'string');
      if (wrong.length)
        problems.push(
          `${table}.${name} (${column.udt_name}) is declared ${type.text}: inserts and updates give JSON text (string), not ${wrong.join(' | ')}`,
        );
    }
  }
  return problems;
}

let handle: DbHandle;
let declared: Declared;
let catalogue: Catalogue;

beforeAll(async () => {
  handle = await testDatabase();
  declared = readDeclaredSchema();
  catalogue = await readCatalogue(handle);
}, 120_000);
afterAll(() => handle?.close());

describe('src/db/schema.ts against the database catalogue', () => {
  it('reads both sides', () => {
    // Guards the readers: an empty side would let every other check pass.
    expect(declared.get('users')?.get('username')?.select).toEqual(new Set(['string']));
    expect(declared.size).toBeGreaterThan(40);
    expect(catalogue.columns.get('users')?.get('username')?.udt_name).toBe('text');
    expect(catalogue.allowedValues.get('users')?.get('role')).toContain('secretariat_admin');
  });

  it('declares every table of the database, and no other', () => {
    const problems = missingTables(declared, catalogue);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('declares every column of each table, and no other', () => {
    const problems = missingColumns(declared, catalogue);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('gives each column the type the drivers return, with | null exactly where it may be null', () => {
    const problems = wrongTypes(declared, catalogue);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('lets an insert leave out exactly the columns the database fills in', () => {
    const problems = wrongInserts(declared, catalogue);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('writes JSON columns as JSON text', () => {
    const problems = wrongWrites(declared, catalogue);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it("lists the same values as the column's check (x in (...))", () => {
    const problems = wrongLiterals(declared, catalogue);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('names the table, the column and the difference when they disagree', () => {
    // The same checks over a schema with one mistake of each kind, read by the same reader.
    const wrong = readDeclaredSchema(
      join(dirname(SCHEMA_FILE), 'schema-with-mistakes.ts'),
      `import type { Generated } from 'kysely';
       import type { CreatedAt } from './schema.ts';
       export interface Database {
         users: {
           id: Generated<string>; username: number; display_name: string; email: string;
           password_hash: string; affiliation: 'delegation' | 'secretariat'; state_code: string | null;
           partner_code: string | null; role: string; access_level: number; locale: 'en' | 'ru' | 'fr';
           is_demo: boolean; disabled_at: Date | null; password_changed_at: Generated<Date>;
           created_at: CreatedAt; nickname?: string;
         };
         ledger_head: { id: Generated<number>; seq: number; hash: Generated<string> };
         signing_keys: { id: string; public_key_pem: string; private_key_pem: string; created_at: CreatedAt };
         asset_lists: {
           id: Generated<string>; state_code: string; name: string; assets: unknown[];
           updated_by_label: string; updated_at: Generated<Date>;
         };
         stars: { id: string };
       }`,
    );
    const problems = [
      ...missingTables(wrong, catalogue),
      ...missingColumns(wrong, catalogue),
      ...wrongTypes(wrong, catalogue),
      ...wrongInserts(wrong, catalogue),
      ...wrongLiterals(wrong, catalogue),
      ...wrongWrites(wrong, catalogue),
    ].join('\n');
    expect(problems).toContain('table stars: in the Database interface, not in the database');
    expect(problems).toContain('table proposals: in the database, missing from the Database interface');
    expect(problems).toContain('users.nickname: declared, not in the database');
    expect(problems).toMatch(
      /users\.username \(text\) is declared number: a select gives string, not number/,
    );
    expect(problems).toMatch(/users\.email \(text, nullable\) is declared string: the column may be null/);
    expect(problems).toMatch(/users\.is_demo is declared boolean: the database has a default \(false\)/);
    expect(problems).toMatch(/ledger_head\.hash is declared .*: not null and no default/);
    expect(problems).toContain(
      'users.affiliation: the database allows partner, which the type does not list',
    );
    expect(problems).toContain("users.locale: the type lists fr, which the database's check refuses");
    expect(problems).toMatch(
      /asset_lists\.assets \(jsonb\) is declared unknown\[\]: inserts and updates give JSON text \(string\), not unknown\[\]/,
    );
  });
});
