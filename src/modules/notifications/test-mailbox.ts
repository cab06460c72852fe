import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** A message as the test SMTP server received it, its headers and text part decoded. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Map<string, string>;
  /** Whether the session was encrypted (STARTTLS) and who signed in. */
  secure: boolean;
  user: string | null;
  raw: string;
}

export interface Mailbox {
  /** smtp://127.0.0.1:<port> (with user:password@ when the mailbox wants a sign-in). */
  url: string;
  port: number;
  messages: ReceivedMail[];
  /** The next `n` messages are answered "451 try again later" (a temporary failure). */
  refuseNext(n: number): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 and a random port, for tests: it keeps what it receives.
 * By default it offers no STARTTLS and wants no sign-in; `tls: true` offers STARTTLS (with
 * smtp-server's own self-signed certificate), `auth` wants that user and password.
 */
export async function startMailbox(
  opts: { tls?: boolean; auth?: { user: string; pass: string } } = {},
): Promise<Mailbox> {
  const messages: ReceivedMail[] = [];
  let refusals = 0;
  const options: SMTPServerOptions = {
    hideSTARTTLS: !opts.tls,
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    disabledCommands: opts.auth ? [] : ['AUTH'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass)
        return callback(null, { user: auth.username });
      callback(new Error('535 wrong user or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--;
          const err = new Error('try again later') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          ...parseMail(raw),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          secure: session.secure,
          user: (session.user as string | undefined) ?? null,
          raw,
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  const auth = opts.auth
    ? `${encodeURIComponent(opts.auth.user)}:${encodeURIComponent(opts.auth.pass)}@`
    : '';
  return {
    url: `smtp://${auth}127.0.0.1:${port}`,
    port,
    messages,
    refuseNext(n) {
      refusals = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Headers (unfolded, encoded words decoded) and the text and HTML parts of a raw message. */
function parseMail(raw: string): {
  subject: string;
  text: string;
  html: string;
  headers: Map<string, string>;
} {
  const { headers, body } = splitPart(raw);
  const parts: { type: string; body: string }[] = [];
  collectParts(headers, body, parts);
  return {
    subject: headers.get('subject') ?? '',
    text: parts.find((p) => p.type === 'text/plain')?.body ?? '',
    html: parts.find((p) => p.type === 'text/html')?.body ?? '',
    headers,
  };
}

function splitPart(raw: string) {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, body: raw.slice(at + 4) };
}

function collectParts(headers: Map<string, string>, body: string, out: { type: string; body: string }[]) {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const part = splitPart(chunk.replace(/^\r\n/, ''));
      collectParts(part.headers, part.body, out);
    }
    return;
  }
  out.push({
    type: type.split(';')[0].trim().toLowerCase(),
    body: decodeBody(body, headers.get('content-transfer-encoding') ?? '7bit'),
  });
}

function decodeBody(body: string, encoding: string): string {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.replace(/=\r\n/g, ''));
    default:
      return body;
  }
}

function quotedPrintableBytes(s: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i], 'utf8'));
  }
  return bytes;
}

const decodeQuotedPrintable = (s: string) => Buffer.from(quotedPrintableBytes(s)).toString('utf8');

/**
 * RFC 2047 encoded words ("=?UTF-8?B?...?=", "=?UTF-8?Q?...?="); adjacent ones are joined
 * as bytes first, since a character may be split between two words.
 */
function decodeWords(value: string): string {
  return value.replace(/(=\?[^?]+\?[BQ]\?[^?]*\?=\s*)+/gi, (run) => {
    const bytes: number[] = [];
    for (const [, enc, text] of run.matchAll(/=\?[^?]+\?([BQ])\?([^?]*)\?=/gi))
      bytes.push(
        ...(enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : quotedPrintableBytes(text.replace(/_/g, ' '))),
      );
    return Buffer.from(bytes).toString('utf8') + (/\s$/.test(run) ? ' ' : '');
  });
}
