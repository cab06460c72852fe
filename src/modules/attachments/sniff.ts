import { fileTypeFromBuffer } from 'file-type';
import { invalid } from '../../core/errors.ts';
import type { AttachmentType } from './schema.ts';

/** Text types carry no signature: they must decode as UTF-8 and hold no NUL or other binary control bytes. */
const TEXT_TYPES = new Set<AttachmentType>(['text/plain', 'text/markdown', 'text/csv']);

/**
 * Checks the bytes against the declared type: a PDF must be a PDF, a picture the picture it
 * says, a text plain UTF-8. What a browser or an office program would run as something else
 * (an HTML page called "report.pdf", an executable called "map.png") is refused, with a 400
 * naming `dataBase64`.
 */
export async function checkContent(data: Buffer, declared: AttachmentType): Promise<void> {
  const detected = await fileTypeFromBuffer(data);
  if (TEXT_TYPES.has(declared)) {
    if (detected) throw mismatch(declared, detected.mime);
    if (!isPlainText(data)) throw mismatch(declared, 'binary data');
    return;
  }
  if (!detected) throw mismatch(declared, 'not recognised');
  if (detected.mime !== declared) throw mismatch(declared, detected.mime);
}

function isPlainText(data: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return false;
  }
  // Tabs, line feeds and carriage returns are text; other C0 controls are not.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: they are what is refused
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text);
}

const mismatch = (declared: string, found: string) =>
  invalid('dataBase64', `the file's content is ${found}, not the declared ${declared}`);
