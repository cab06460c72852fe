import type { EmailText, NotificationEmailWords } from '../../core/module.ts';
import type { Locale } from '../../db/schema.ts';
import type { ClearanceNotificationDetails, EmailFacts } from '../notifications/index.ts';

// What each kind of clearance notification says by e-mail, in English and Russian (the
// notifications module adds the frame: the link, the footer, the HTML). The words follow
// the facts the notification carries (its details), as the web UI does; the subject line
// says what happened and names the request by its reference and title.

type Facts = EmailFacts<ClearanceNotificationDetails>;

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

/** The request as a subject line names it: REF "Title" in English, REF «Title» in Russian. */
const reference = (f: Facts) => f.subject.reference ?? f.details.reference;
const namedEn = (f: Facts) => `${reference(f)} "${f.subject.title}"`;
const named = (f: Facts) => `${reference(f)} «${f.subject.title}»`;

function requestLines(locale: Locale, f: Facts): string[] {
  const urgency = word(URGENCIES[locale], f.details.urgency);
  return locale === 'en'
    ? [`Request ${f.details.reference} of ${f.state(f.details.requestingState)} (${urgency})`]
    : [`Запрос ${f.details.reference}, ${f.state(f.details.requestingState)} (${urgency})`];
}

function legWindow(locale: Locale, f: Facts): string[] {
  const state = f.state(f.details.state);
  const due = f.details.dueAt ? f.when(f.details.dueAt) : null;
  if (locale === 'en') return [due ? `Leg of ${state}; the window closes ${due}` : `Leg of ${state}`];
  return [due ? `Участок: ${state}; срок решения до ${due}` : `Участок: ${state}`];
}

interface Words {
  name: string;
  text: (f: Facts) => EmailText;
}

/** A kind's words in both languages, typed by the details clearances write. */
const words = (en: Words, ru: Words): Record<Locale, NotificationEmailWords> => ({ en, ru });

/** The e-mail of each clearance notification kind, in each language (declared in index.ts). */
export const clearanceEmailWords = {
  leg_arrived: words(
    {
      name: 'Clearance leg to decide',
      text: (f) => ({
        subject: `Clearance leg to decide: ${namedEn(f)}`,
        lines: [
          f.details.reason === 'info_given'
            ? `The requester answered: the leg of ${f.state(f.details.state)} is back with you.`
            : 'A leg of this movement awaits your state’s decision.',
          ...requestLines('en', f),
          ...legWindow('en', f),
        ],
      }),
    },
    {
      name: 'Участок маршрута на решение',
      text: (f) => ({
        subject: `Участок маршрута на решение: ${named(f)}`,
        lines: [
          f.details.reason === 'info_given'
            ? `Запрашивающая сторона ответила: участок ${f.state(f.details.state)} снова у вас.`
            : 'Участок этого перемещения ожидает решения вашего государства.',
          ...requestLines('ru', f),
          ...legWindow('ru', f),
        ],
      }),
    },
  ),
  leg_due_1h: words(
    {
      name: 'Clearance window closes in 1 hour',
      text: (f) => ({
        subject: `Clearance window closes in 1 hour: ${namedEn(f)}`,
        lines: ['A leg still awaits your state’s decision.', ...requestLines('en', f), ...legWindow('en', f)],
      }),
    },
    {
      name: 'Срок решения по участку истекает через 1 час',
      text: (f) => ({
        subject: `Срок решения по участку истекает через 1 час: ${named(f)}`,
        lines: [
          'Участок всё ещё ожидает решения вашего государства.',
          ...requestLines('ru', f),
          ...legWindow('ru', f),
        ],
      }),
    },
  ),
  leg_decided: words(
    {
      name: 'A state decided a clearance leg',
      text: (f) => ({
        subject: `${f.state(f.details.state)} decided a leg of ${namedEn(f)}`,
        lines: [
          `${f.state(f.details.state)}: ${word(LEG_OUTCOMES.en, f.details.outcome)}${word(LEG_HOW.en, f.details.how)}.`,
          ...(f.details.clearanceNumber ? [`Clearance no. ${f.details.clearanceNumber}`] : []),
          ...requestLines('en', f),
        ],
      }),
    },
    {
      name: 'Государство приняло решение по участку',
      text: (f) => ({
        subject: `Решение по участку (${f.state(f.details.state)}): ${named(f)}`,
        lines: [
          `${f.state(f.details.state)}: ${word(LEG_OUTCOMES.ru, f.details.outcome)}${word(LEG_HOW.ru, f.details.how)}.`,
          ...(f.details.clearanceNumber ? [`Разрешение № ${f.details.clearanceNumber}`] : []),
          ...requestLines('ru', f),
        ],
      }),
    },
  ),
  request_cleared: words(
    {
      name: 'Movement cleared',
      text: (f) => ({
        subject: `Movement cleared: ${namedEn(f)}`,
        lines: ['Every state on the route cleared this movement.', ...requestLines('en', f)],
      }),
    },
    {
      name: 'Перемещение разрешено',
      text: (f) => ({
        subject: `Перемещение разрешено: ${named(f)}`,
        lines: ['Все государства на маршруте разрешили это перемещение.', ...requestLines('ru', f)],
      }),
    },
  ),
  request_denied: words(
    {
      name: 'Movement denied',
      text: (f) => ({
        subject: `Movement denied: ${namedEn(f)}`,
        lines: [`Denied by ${f.state(f.details.state)}.`, ...requestLines('en', f)],
      }),
    },
    {
      name: 'В перемещении отказано',
      text: (f) => ({
        subject: `В перемещении отказано: ${named(f)}`,
        lines: [`Отказ: ${f.state(f.details.state)}.`, ...requestLines('ru', f)],
      }),
    },
  ),
  leg_escalated: words(
    {
      name: 'Clearance leg escalated',
      text: (f) => ({
        subject: `Clearance leg escalated: ${namedEn(f)}`,
        lines: [
          `${f.state(f.details.state)} stayed silent: the leg is escalated to the secretariat.`,
          ...requestLines('en', f),
        ],
      }),
    },
    {
      name: 'Участок передан секретариату',
      text: (f) => ({
        subject: `Участок передан секретариату: ${named(f)}`,
        lines: [
          `${f.state(f.details.state)} не ответило: участок передан секретариату.`,
          ...requestLines('ru', f),
        ],
      }),
    },
  ),
} satisfies Record<string, Record<Locale, NotificationEmailWords>>;
