import type { EmailText, NotificationEmailWords } from '../../core/module.ts';
import type { Locale } from '../../db/schema.ts';
import type { EmailFacts, NotificationDetails } from '../notifications/index.ts';

// What each kind of decisions notification says by e-mail, in English and Russian (the
// notifications module adds the frame: the link, the footer, the HTML). The
// words follow the facts the notification carries (its details), as the web UI does; the
// subject line says what happened and names the proposal.

type Facts = EmailFacts<NotificationDetails>;

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

const word = (table: Record<string, string>, key: string | null | undefined) =>
  key ? (table[key] ?? key) : '';

/** The proposal as a subject line names it: "Title" in English, «Title» in Russian. */
const namedEn = (f: Facts) => `"${f.subject.title}"`;
const named = (f: Facts) => `«${f.subject.title}»`;

function procedureLines(locale: Locale, f: Facts, deadline = f.details.deadline): string[] {
  const kind = word(PROCEDURE_KINDS[locale], f.details.procedureKind);
  const due = deadline ? f.when(deadline) : null;
  return locale === 'en'
    ? [`Procedure: ${kind}`, ...(due ? [`Deadline: ${due}`] : [])]
    : [`Процедура: ${kind}`, ...(due ? [`Срок: ${due}`] : [])];
}

interface Words {
  name: string;
  text: (f: Facts) => EmailText;
}

/** A kind's words in both languages, typed by the details decisions write. */
const words = (en: Words, ru: Words): Record<Locale, NotificationEmailWords> => ({ en, ru });

/** The e-mail of each decisions notification kind, in each language (declared in index.ts). */
export const decisionEmailWords = {
  procedure_opened: words(
    {
      name: 'Procedure opened',
      text: (f) => ({
        subject: `Procedure opened on ${namedEn(f)}`,
        lines: [`A procedure was opened on ${namedEn(f)}.`, ...procedureLines('en', f)],
      }),
    },
    {
      name: 'Открыта процедура',
      text: (f) => ({
        subject: `Открыта процедура: ${named(f)}`,
        lines: [`По предложению ${named(f)} открыта процедура.`, ...procedureLines('ru', f)],
      }),
    },
  ),
  silence_broken: words(
    {
      name: 'Silence broken',
      text: (f) => {
        const how = f.details.stanceKind === 'object' ? 'objected' : 'proposed an amendment';
        return {
          subject: `Silence broken on ${namedEn(f)}`,
          lines: [
            `${f.state(f.details.state)} ${how} (points: ${(f.details.points ?? []).join(', ')}).`,
            ...procedureLines('en', f),
          ],
        };
      },
    },
    {
      name: 'Молчание нарушено',
      text: (f) => {
        const how = f.details.stanceKind === 'object' ? 'возражение' : 'предложена поправка';
        return {
          subject: `Молчание нарушено: ${named(f)}`,
          lines: [
            `${f.state(f.details.state)}: ${how} (пункты: ${(f.details.points ?? []).join(', ')}).`,
            ...procedureLines('ru', f),
          ],
        };
      },
    },
  ),
  deadline_24h: words(
    {
      name: 'Deadline in 24 hours',
      text: (f) => ({
        subject: `Deadline in 24 hours: ${namedEn(f)}`,
        lines: ['Your state has not yet answered on every point.', ...procedureLines('en', f)],
      }),
    },
    {
      name: 'Срок через 24 часа',
      text: (f) => ({
        subject: `Срок через 24 часа: ${named(f)}`,
        lines: ['Ваше государство ответило ещё не по всем пунктам.', ...procedureLines('ru', f)],
      }),
    },
  ),
  deadline_1h: words(
    {
      name: 'Deadline in 1 hour',
      text: (f) => ({
        subject: `Deadline in 1 hour: ${namedEn(f)}`,
        lines: ['Your state has not yet answered on every point.', ...procedureLines('en', f)],
      }),
    },
    {
      name: 'Срок через 1 час',
      text: (f) => ({
        subject: `Срок через 1 час: ${named(f)}`,
        lines: ['Ваше государство ответило ещё не по всем пунктам.', ...procedureLines('ru', f)],
      }),
    },
  ),
  // The procedure is over: its deadline is no longer news.
  outcome: words(
    {
      name: 'Outcome',
      text: (f) => ({
        subject: `Outcome: ${word(RESULTS.en, f.details.result)}: ${namedEn(f)}`,
        lines: [
          `The procedure on ${namedEn(f)} closed: ${word(RESULTS.en, f.details.result)}.`,
          ...procedureLines('en', f, null),
        ],
      }),
    },
    {
      name: 'Итог',
      text: (f) => ({
        subject: `Итог: ${word(RESULTS.ru, f.details.result)}: ${named(f)}`,
        lines: [
          `Процедура по предложению ${named(f)} завершена: ${word(RESULTS.ru, f.details.result)}.`,
          ...procedureLines('ru', f, null),
        ],
      }),
    },
  ),
} satisfies Record<string, Record<Locale, NotificationEmailWords>>;
