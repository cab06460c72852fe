import nodemailer from 'nodemailer';
import type { MailConfig } from '../../config.ts';

/** One message to send. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<id@accord>`: the same on every attempt, so a receiving server can see a repeat. */
  messageId: string;
  /** `en` or `ru`: sent as Content-Language. */
  language: string;
}

/** Sends mail; answers the server's reply line ("250 OK: queued as ..."), or throws. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

/** How long each step of an SMTP exchange may take before the attempt counts as failed. */
export const SMTP_TIMEOUT_MS = 15_000;

/**
 * The SMTP transport options from `ACCORD_SMTP_URL`: `smtp://` starts in plain text and
 * upgrades with STARTTLS whenever the server offers it (`?requireTLS=true` refuses a
 * server that does not); `smtps://` speaks TLS from the start. User and password come from
 * the URL (percent-encoded). `?tls.rejectUnauthorized=false` accepts a relay's self-signed
 * certificate (a relay on the same host, or a test server).
 */
export function smtpOptions(url: string) {
  const u = new URL(url);
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:')
    throw new Error(`ACCORD_SMTP_URL must start with smtp:// or smtps://, not ${u.protocol}//`);
  const secure = u.protocol === 'smtps:';
  const flag = (name: string) => u.searchParams.get(name) === 'true';
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    requireTLS: flag('requireTLS'),
    ...(u.username
      ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }
      : {}),
    tls: { rejectUnauthorized: u.searchParams.get('tls.rejectUnauthorized') !== 'false' },
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  };
}

/** A mailer over the configured SMTP server: one connection per message. */
export function smtpMailer(config: MailConfig): Mailer {
  const transport = nodemailer.createTransport(smtpOptions(config.smtpUrl));
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
      });
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length) throw new Error(`the server refused ${rejected.join(', ')}: ${info.response}`);
      return String(info.response ?? '');
    },
    close() {
      transport.close();
    },
  };
}
