import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';

/**
 * A backup is JSON Lines: one header, then one line per row, parents' rows before
 * their children's. Rows are `to_jsonb(row)` exactly as the database printed it, so
 * numbers keep every digit.
 *
 *   {"type":"header","format":"accord-backup/1","schemaVersion":1,"createdAt":"…","tables":[{"name":"bodies","rows":2},…]}
 *   {"type":"row","table":"bodies","row":{"code":"council",…}}
 */
export const BACKUP_FORMAT = 'accord-backup/1';

export const BackupHeader = z.object({
  type: z.literal('header'),
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().nonnegative(),
  createdAt: z.string(),
  accordVersion: z.string().optional(),
  tables: z.array(z.object({ name: z.string().min(1), rows: z.number().int().nonnegative() })),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

/** A backup file that cannot be restored; the message names the line. */
export class BackupFileError extends Error {}

/** The line for one row; `rowJson` is the database's own text of `to_jsonb(row)`. */
export const rowLine = (table: string, rowJson: string) =>
  `{"type":"row","table":${JSON.stringify(table)},"row":${rowJson}}\n`;

export interface RowRecord {
  lineNo: number;
  table: string;
  /** The row as parsed, to check its shape and read its column names. */
  row: Record<string, unknown>;
  /** The row's JSON text as written, handed to the database so no digit is lost. */
  json: string;
}

export interface OpenBackup {
  header: BackupHeader;
  /** The rows, in the order of the file; a damaged line throws a BackupFileError naming it. */
  rows: AsyncGenerator<RowRecord>;
  /** Closes the file, whether or not the rows were read. */
  close(): Promise<void>;
}

/** Opens a backup and checks its header; its rows are then read one by one. Gzip is recognised by its magic bytes. */
export async function openBackup(path: string): Promise<OpenBackup> {
  const lines = readLines(await openInput(path));
  const close = async () => {
    await lines.return(undefined);
  };
  try {
    const header = await readHeader(lines);
    return { header, rows: parseRows(lines), close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The header of a backup file, checked; throws a BackupFileError when the file is not a backup. */
export async function readBackupHeader(path: string): Promise<BackupHeader> {
  const backup = await openBackup(path);
  await backup.close();
  return backup.header;
}

async function readHeader(lines: AsyncGenerator<[number, string]>): Promise<BackupHeader> {
  const first = await lines.next();
  if (first.done) throw new BackupFileError('the file is empty: not an Accord backup');
  const [lineNo, text] = first.value;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupFileError(`line ${lineNo}: not an Accord backup (the first line is not JSON)`);
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT) {
    throw new BackupFileError(
      `line ${lineNo}: not an Accord backup (format ${format === undefined ? 'missing' : JSON.stringify(format)}, expected ${BACKUP_FORMAT})`,
    );
  }
  const header = BackupHeader.safeParse(value);
  if (!header.success) {
    const issue = header.error.issues[0];
    throw new BackupFileError(
      `line ${lineNo}: the header is not valid: ${issue.path.join('.') || 'header'}: ${issue.message}`,
    );
  }
  return header.data;
}

async function* parseRows(lines: AsyncGenerator<[number, string]>): AsyncGenerator<RowRecord> {
  for await (const [lineNo, text] of lines) {
    let value: { type?: unknown; table?: unknown; row?: unknown };
    try {
      value = JSON.parse(text);
    } catch {
      throw new BackupFileError(`line ${lineNo}: not valid JSON (the file is damaged or cut short)`);
    }
    if (value?.type !== 'row' || typeof value.table !== 'string' || !isPlainObject(value.row)) {
      throw new BackupFileError(
        `line ${lineNo}: not a row line ({"type":"row","table":…,"row":{…}} expected)`,
      );
    }
    yield {
      lineNo,
      table: value.table,
      row: value.row,
      json: rawRowJson(text, value.table) ?? JSON.stringify(value.row),
    };
  }
}

/** The row's text as written by rowLine, or undefined when the line was laid out otherwise. */
function rawRowJson(text: string, table: string): string | undefined {
  const prefix = `{"type":"row","table":${JSON.stringify(table)},"row":`;
  const line = text.trimEnd();
  return line.startsWith(prefix) && line.endsWith('}') ? line.slice(prefix.length, -1) : undefined;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

async function openInput(path: string): Promise<Readable> {
  const file = await open(path, 'r');
  const magic = Buffer.alloc(2);
  try {
    await file.read(magic, 0, 2, 0);
  } finally {
    await file.close();
  }
  const input = createReadStream(path);
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) return input;
  const gunzip = createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  return input.pipe(gunzip);
}

async function* readLines(input: Readable): AsyncGenerator<[number, string]> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  try {
    for await (const line of rl) {
      lineNo++;
      if (line.trim()) yield [lineNo, line];
    }
  } catch (err) {
    throw new BackupFileError(`line ${lineNo + 1}: cannot be read (${(err as Error).message})`);
  } finally {
    rl.close();
    input.destroy();
  }
}
