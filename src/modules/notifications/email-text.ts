import type { EmailFacts } from '../../core/module.ts';
import { notificationKinds } from '../../core/registry.ts';
import type { Locale, NotificationKind } from '../../db/schema.ts';

// The frame of every e-mail: the kind's own words (its subject line and body lines, declared
// by the module that sends the kind: `notificationKinds[kind].email[locale]`), then the link,
// the footer naming the kind and the settings link, in plain text and in simple HTML.

/** The words around every e-mail, in each language. */
const FRAME: Record<
  Locale,
  {
    open: string;
    withheldSubject: string;
    withheld: string[];
    why: (kind: string) => string;
    settings: string;
  }
> = {
  en: {
    open: 'Open it in Accord:',
    withheldSubject: 'A notification is waiting in Accord',
    withheld: [
      'A notification is waiting for you in Accord.',
      'Its subject is classified, so its content is not sent by e-mail.',
    ],
    why: (kind) => `You receive this e-mail because you chose e-mail for “${kind}”.`,
    settings: 'Change your choices:',
  },
  ru: {
    open: 'Открыть в Accord:',
    withheldSubject: 'В Accord вас ждёт уведомление',
    withheld: [
      'В Accord вас ждёт уведомление.',
      'Его предмет имеет гриф, поэтому содержание по электронной почте не направляется.',
    ],
    why: (kind) => `Вы получили это письмо, потому что выбрали доставку по почте для «${kind}».`,
    settings: 'Изменить настройки:',
  },
};

/** A composed e-mail: subject, plain text and the same as simple HTML. */
export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The e-mail of one notification in the reader's language. `withheld` (a subject classified
 * above what may go by e-mail) gives the same e-mail for every kind: something waits, and
 * the link, nothing of the subject.
 *
 * @example composeEmail('outcome', 'ru', facts, { link, settingsLink, withheld: false }).subject
 * // "Accord: Итог: принято: «Joint exercise»"
 */
export function composeEmail(
  kind: NotificationKind,
  locale: Locale,
  facts: EmailFacts,
  opts: { link: string; settingsLink: string; withheld: boolean },
): ComposedEmail {
  const frame = FRAME[locale];
  const words = notificationKinds().get(kind)?.email[locale];
  if (!words) throw new Error(`no module declares the notification kind ${kind}`);
  const body = opts.withheld ? { subject: frame.withheldSubject, lines: frame.withheld } : words.text(facts);
  const footer = [frame.why(words.name), `${frame.settings} ${opts.settingsLink}`];
  const text = [...body.lines, '', `${frame.open} ${opts.link}`, '', '-- ', ...footer, ''].join('\n');
  const paragraph = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const anchor = (href: string) => `<a href="${escapeHtml(href)}">${escapeHtml(href)}</a>`;
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family: sans-serif; line-height: 1.4">`,
    ...body.lines.map(paragraph),
    `<p>${escapeHtml(frame.open)} ${anchor(opts.link)}</p>`,
    `<hr><p style="color: #666; font-size: 90%">${escapeHtml(footer[0])}<br>${escapeHtml(frame.settings)} ${anchor(opts.settingsLink)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: `Accord: ${body.subject}`, text, html };
}
