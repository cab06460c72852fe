import type { Locale, NotificationKind } from '../../db/schema.ts';
import type { ClearanceNotificationDetails, NotificationDetails } from './emit.ts';

// What each kind of notification says by e-mail, in English and Russian: one entry per
// kind in EMAIL_TEXTS, so that a kind's words can later move into the module that sends it.
// The texts word the notification's facts (its details) the way the web UI does; the
// subject line says what happened and names the proposal or the request.

/** The subject of the notification as the e-mail names it. */
export type EmailSubject =
  | { type: 'proposal'; title: string }
  | { type: 'clearance'; reference: string; title: string };

/** What a kind's text is written from. */
export interface EmailFacts {
  subject: EmailSubject;
  details: NotificationDetails & ClearanceNotificationDetails;
  /** An instant for the reader, in the organisation's zone: "29 Mar 2026, 10:00 (Europe/Moscow, UTC+03:00)". */
  when(iso: string): string;
  /** A member state's name in the reader's language, from its code. */
  state(code: string | undefined): string;
}

/** A kind's subject line (without the "Accord:" prefix) and the lines of its body. */
export interface EmailText {
  subject: string;
  lines: string[];
}

type Words = (f: EmailFacts) => EmailText;

const PROCEDURE_KINDS: Record<Locale, Record<string, string>> = {
  en: {
    meeting_consensus: 'Consensus at a meeting',
    silence: 'Silence procedure',
    written: 'Written procedure',
    unanimity: 'Unanimity vote',
    qualified_majority: 'Qualified majority',
  },
  ru: {
    meeting_consensus: 'Консенсус на заседании',
    silence: 'Процедура молчания',
    written: 'Письменная процедура',
    unanimity: 'Единогласное голосование',
    qualified_majority: 'Квалифицированное большинство',
  },
};
const RESULTS: Record<Locale, Record<string, string>> = {
  en: { adopted: 'adopted', partially_adopted: 'partially adopted', not_adopted: 'not adopted' },
  ru: { adopted: 'принято', partially_adopted: 'принято частично', not_adopted: 'не принято' },
};
const URGENCIES: Record<Locale, Record<string, string>> = {
  en: { emergency: 'emergency', urgent: 'urgent', routine: 'routine' },
  ru: { emergency: 'экстренно', urgent: 'срочно', routine: 'в обычном порядке' },
};
const LEG_OUTCOMES: Record<Locale, Record<string, string>> = {
  en: {
    approved: 'approved',
    approved_with_conditions: 'approved with conditions',
    denied: 'denied',
    info_requested: 'asks for more information',
    info_given: 'information given',
    escalated: 'escalated',
  },
  ru: {
    approved: 'одобрено',
    approved_with_conditions: 'одобрено с условиями',
    denied: 'отказано',
    info_requested: 'запрошены дополнительные сведения',
    info_given: 'сведения представлены',
    escalated: 'передано секретариату',
  },
};
const LEG_HOW: Record<Locale, Record<string, string>> = {
  en: {
    tacit: ' (tacit consent)',
    standing_permission: ' (standing permission)',
    secretariat: ' (by the secretariat)',
  },
  ru: {
    tacit: ' (молчаливое согласие)',
    standing_permission: ' (постоянное разрешение)',
    secretariat: ' (решение секретариата)',
  },
};

const word = (table: Record<string, string>, key: string | null | undefined) =>
  key ? (table[key] ?? key) : '';

/** "«Title»" for a proposal; "REF «Title»" for a clearance request. */
const named = (s: EmailSubject) => (s.type === 'proposal' ? `«${s.title}»` : `${s.reference} «${s.title}»`);
const namedEn = (s: EmailSubject) => (s.type === 'proposal' ? `"${s.title}"` : `${s.reference} "${s.title}"`);

function proposalLines(locale: Locale, f: EmailFacts): string[] {
  const kind = word(PROCEDURE_KINDS[locale], f.details.procedureKind);
  const deadline = f.details.deadline ? f.when(f.details.deadline) : null;
  return locale === 'en'
    ? [`Procedure: ${kind}`, ...(deadline ? [`Deadline: ${deadline}`] : [])]
    : [`Процедура: ${kind}`, ...(deadline ? [`Срок: ${deadline}`] : [])];
}

function requestLines(locale: Locale, f: EmailFacts): string[] {
  const urgency = word(URGENCIES[locale], f.details.urgency);
  return locale === 'en'
    ? [`Request ${f.details.reference} of ${f.state(f.details.requestingState)} (${urgency})`]
    : [`Запрос ${f.details.reference}, ${f.state(f.details.requestingState)} (${urgency})`];
}

function legWindow(locale: Locale, f: EmailFacts): string[] {
  const state = f.state(f.details.state);
  const due = f.details.dueAt ? f.when(f.details.dueAt) : null;
  if (locale === 'en') return [due ? `Leg of ${state}; the window closes ${due}` : `Leg of ${state}`];
  return [due ? `Участок: ${state}; срок решения до ${due}` : `Участок: ${state}`];
}

/**
 * The words of each kind by e-mail, in each language. Keyed by kind: a module that sends a
 * new kind adds its entry here (and later brings it along when kinds move into modules).
 */
export const EMAIL_TEXTS: Record<NotificationKind, Record<Locale, Words>> = {
  procedure_opened: {
    en: (f) => ({
      subject: `Procedure opened on ${namedEn(f.subject)}`,
      lines: [`A procedure was opened on ${namedEn(f.subject)}.`, ...proposalLines('en', f)],
    }),
    ru: (f) => ({
      subject: `Открыта процедура: ${named(f.subject)}`,
      lines: [`По предложению ${named(f.subject)} открыта процедура.`, ...proposalLines('ru', f)],
    }),
  },
  silence_broken: {
    en: (f) => {
      const how = f.details.stanceKind === 'object' ? 'objected' : 'proposed an amendment';
      return {
        subject: `Silence broken on ${namedEn(f.subject)}`,
        lines: [
          `${f.state(f.details.state)} ${how} (points: ${(f.details.points ?? []).join(', ')}).`,
          ...proposalLines('en', f),
        ],
      };
    },
    ru: (f) => {
      const how = f.details.stanceKind === 'object' ? 'возражение' : 'предложена поправка';
      return {
        subject: `Молчание нарушено: ${named(f.subject)}`,
        lines: [
          `${f.state(f.details.state)}: ${how} (пункты: ${(f.details.points ?? []).join(', ')}).`,
          ...proposalLines('ru', f),
        ],
      };
    },
  },
  deadline_24h: {
    en: (f) => ({
      subject: `Deadline in 24 hours: ${namedEn(f.subject)}`,
      lines: ['Your state has not yet answered on every point.', ...proposalLines('en', f)],
    }),
    ru: (f) => ({
      subject: `Срок через 24 часа: ${named(f.subject)}`,
      lines: ['Ваше государство ответило ещё не по всем пунктам.', ...proposalLines('ru', f)],
    }),
  },
  deadline_1h: {
    en: (f) => ({
      subject: `Deadline in 1 hour: ${namedEn(f.subject)}`,
      lines: ['Your state has not yet answered on every point.', ...proposalLines('en', f)],
    }),
    ru: (f) => ({
      subject: `Срок через 1 час: ${named(f.subject)}`,
      lines: ['Ваше государство ответило ещё не по всем пунктам.', ...proposalLines('ru', f)],
    }),
  },
  outcome: {
    en: (f) => ({
      subject: `Outcome: ${word(RESULTS.en, f.details.result)}: ${namedEn(f.subject)}`,
      lines: [
        `The procedure on ${namedEn(f.subject)} closed: ${word(RESULTS.en, f.details.result)}.`,
        ...proposalLines('en', { ...f, details: { ...f.details, deadline: null } }),
      ],
    }),
    ru: (f) => ({
      subject: `Итог: ${word(RESULTS.ru, f.details.result)}: ${named(f.subject)}`,
      lines: [
        `Процедура по предложению ${named(f.subject)} завершена: ${word(RESULTS.ru, f.details.result)}.`,
        ...proposalLines('ru', { ...f, details: { ...f.details, deadline: null } }),
      ],
    }),
  },
  leg_arrived: {
    en: (f) => ({
      subject: `Clearance leg to decide: ${namedEn(f.subject)}`,
      lines: [
        f.details.reason === 'info_given'
          ? `The requester answered: the leg of ${f.state(f.details.state)} is back with you.`
          : 'A leg of this movement awaits your state’s decision.',
        ...requestLines('en', f),
        ...legWindow('en', f),
      ],
    }),
    ru: (f) => ({
      subject: `Участок маршрута на решение: ${named(f.subject)}`,
      lines: [
        f.details.reason === 'info_given'
          ? `Запрашивающая сторона ответила: участок ${f.state(f.details.state)} снова у вас.`
          : 'Участок этого перемещения ожидает решения вашего государства.',
        ...requestLines('ru', f),
        ...legWindow('ru', f),
      ],
    }),
  },
  leg_due_1h: {
    en: (f) => ({
      subject: `Clearance window closes in 1 hour: ${namedEn(f.subject)}`,
      lines: ['A leg still awaits your state’s decision.', ...requestLines('en', f), ...legWindow('en', f)],
    }),
    ru: (f) => ({
      subject: `Срок решения по участку истекает через 1 час: ${named(f.subject)}`,
      lines: [
        'Участок всё ещё ожидает решения вашего государства.',
        ...requestLines('ru', f),
        ...legWindow('ru', f),
      ],
    }),
  },
  leg_decided: {
    en: (f) => ({
      subject: `${f.state(f.details.state)} decided a leg of ${namedEn(f.subject)}`,
      lines: [
        `${f.state(f.details.state)}: ${word(LEG_OUTCOMES.en, f.details.outcome)}${word(LEG_HOW.en, f.details.how)}.`,
        ...(f.details.clearanceNumber ? [`Clearance no. ${f.details.clearanceNumber}`] : []),
        ...requestLines('en', f),
      ],
    }),
    ru: (f) => ({
      subject: `Решение по участку (${f.state(f.details.state)}): ${named(f.subject)}`,
      lines: [
        `${f.state(f.details.state)}: ${word(LEG_OUTCOMES.ru, f.details.outcome)}${word(LEG_HOW.ru, f.details.how)}.`,
        ...(f.details.clearanceNumber ? [`Разрешение № ${f.details.clearanceNumber}`] : []),
        ...requestLines('ru', f),
      ],
    }),
  },
  request_cleared: {
    en: (f) => ({
      subject: `Movement cleared: ${namedEn(f.subject)}`,
      lines: ['Every state on the route cleared this movement.', ...requestLines('en', f)],
    }),
    ru: (f) => ({
      subject: `Перемещение разрешено: ${named(f.subject)}`,
      lines: ['Все государства на маршруте разрешили это перемещение.', ...requestLines('ru', f)],
    }),
  },
  request_denied: {
    en: (f) => ({
      subject: `Movement denied: ${namedEn(f.subject)}`,
      lines: [`Denied by ${f.state(f.details.state)}.`, ...requestLines('en', f)],
    }),
    ru: (f) => ({
      subject: `В перемещении отказано: ${named(f.subject)}`,
      lines: [`Отказ: ${f.state(f.details.state)}.`, ...requestLines('ru', f)],
    }),
  },
  leg_escalated: {
    en: (f) => ({
      subject: `Clearance leg escalated: ${namedEn(f.subject)}`,
      lines: [
        `${f.state(f.details.state)} stayed silent: the leg is escalated to the secretariat.`,
        ...requestLines('en', f),
      ],
    }),
    ru: (f) => ({
      subject: `Участок передан секретариату: ${named(f.subject)}`,
      lines: [
        `${f.state(f.details.state)} не ответило: участок передан секретариату.`,
        ...requestLines('ru', f),
      ],
    }),
  },
};

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

/** The kinds' short names in the footer ("You chose e-mail for …"), as the account page names them. */
const KIND_NAMES: Record<Locale, Record<NotificationKind, string>> = {
  en: {
    procedure_opened: 'Procedure opened',
    silence_broken: 'Silence broken',
    deadline_24h: 'Deadline in 24 hours',
    deadline_1h: 'Deadline in 1 hour',
    outcome: 'Outcome',
    leg_arrived: 'Clearance leg to decide',
    leg_due_1h: 'Clearance window closes in 1 hour',
    leg_decided: 'A state decided a clearance leg',
    request_cleared: 'Movement cleared',
    request_denied: 'Movement denied',
    leg_escalated: 'Clearance leg escalated',
  },
  ru: {
    procedure_opened: 'Открыта процедура',
    silence_broken: 'Молчание нарушено',
    deadline_24h: 'Срок через 24 часа',
    deadline_1h: 'Срок через 1 час',
    outcome: 'Итог',
    leg_arrived: 'Участок маршрута на решение',
    leg_due_1h: 'Срок решения по участку истекает через 1 час',
    leg_decided: 'Государство приняло решение по участку',
    request_cleared: 'Перемещение разрешено',
    request_denied: 'В перемещении отказано',
    leg_escalated: 'Участок передан секретариату',
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
  const body = opts.withheld
    ? { subject: frame.withheldSubject, lines: frame.withheld }
    : EMAIL_TEXTS[kind][locale](facts);
  const footer = [frame.why(KIND_NAMES[locale][kind]), `${frame.settings} ${opts.settingsLink}`];
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
