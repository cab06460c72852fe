import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { OrganisationFile } from './schema.ts';

/** A bad organisation file: says which file, line and field, and why. */
export class OrganisationFileError extends Error {
  constructor(
    message: string,
    readonly problems: { path: string; line: number | null; reason: string }[],
  ) {
    super(message);
    this.name = 'OrganisationFileError';
  }
}

/** Parses and validates an organisation file's text (YAML, of which JSON is a subset). */
export function parseOrganisationFile(text: string, name = 'organisation file'): OrganisationFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const err = doc.errors[0];
    // linePos is only filled in with prettyErrors; the offset always is.
    const pos = err.linePos?.[0] ?? (err.pos ? lineCounter.linePos(err.pos[0]) : undefined);
    throw new OrganisationFileError(
      `${name}:${pos ? `${pos.line}:${pos.col}:` : ''} ${err.message.split('\n')[0]}`,
      [{ path: '', line: pos?.line ?? null, reason: err.message.split('\n')[0] }],
    );
  }
  const result = OrganisationFile.safeParse(doc.toJS());
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    const keys = issue.code === 'unrecognized_keys' ? (issue as unknown as { keys: string[] }).keys : [];
    const fieldPath = keys.length ? [...path, keys[0]] : path;
    return {
      path: fieldPath.join('.') || '(top level)',
      line: lineOf(doc, fieldPath, lineCounter),
      reason: keys.length ? `unknown field${keys.length > 1 ? 's' : ''} ${keys.join(', ')}` : issue.message,
    };
  });
  const first = problems[0];
  throw new OrganisationFileError(
    `${name}${first.line ? `:${first.line}` : ''}: ${first.path}: ${first.reason}`,
    problems,
  );
}

export function readOrganisationFile(path: string): OrganisationFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new OrganisationFileError(
      `${path}: cannot read the file (${(err as NodeJS.ErrnoException).code})`,
      [],
    );
  }
  return parseOrganisationFile(text, basename(path));
}

/** The line of the deepest node on the path that exists in the document. */
function lineOf(doc: ReturnType<typeof parseDocument>, path: string[], lc: LineCounter): number | null {
  let node: unknown = doc.contents;
  let offset: number | undefined = (doc.contents as { range?: number[] } | null)?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === key);
      if (!pair) break;
      offset = (pair.key as { range?: number[] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(key)] as { range?: number[] } | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset === undefined ? null : lc.linePos(offset).line;
}
