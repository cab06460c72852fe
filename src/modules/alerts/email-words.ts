import type { EmailText, NotificationEmailWords } from '../../core/module.ts';
import type { Locale } from '../../db/schema.ts';
import type { EmailFacts } from '../notifications/index.ts';

/** What an early-warning notification says besides its subject. Facts only: the UI words them. */
export interface AlertNotificationDetails {
  region: string;
  regionName: { en: string; ru: string };
  /** The level now (a rise: the new level; an alert: its level). */
  level: number;
  levelName: { en: string; ru: string };
  /** level_raised: the level before. */
  from?: number;
  /** The alert's reference (an alert's news, or the automatic alert a rise opened). */
  reference?: string | null;
  /** An escalation's note, a closing reason. */
  note?: string | null;
}

type Facts = EmailFacts<AlertNotificationDetails>;

interface Words {
  name: string;
  text: (f: Facts) => EmailText;
}
const words = (en: Words, ru: Words): Record<Locale, NotificationEmailWords> => ({ en, ru });

const regionEn = (f: Facts) => f.details.regionName.en;
const regionRu = (f: Facts) => f.details.regionName.ru;
const levelEn = (f: Facts) => `${f.details.levelName.en} (level ${f.details.level})`;
const levelRu = (f: Facts) => `${f.details.levelName.ru} (уровень ${f.details.level})`;
const ref = (f: Facts) => f.subject.reference ?? f.details.reference ?? '';
const noteLines = (label: string, f: Facts) => (f.details.note ? [`${label}: ${f.details.note}`] : []);

/** The e-mail of each early-warning notification kind, in each language (declared in index.ts). */
export const alertEmailWords = {
  level_raised: words(
    {
      name: "A region's alert level rose",
      text: (f) => ({
        subject: `Level raised: ${regionEn(f)} now ${levelEn(f)}`,
        lines: [
          `The alert level of ${regionEn(f)} rose from ${f.details.from} to ${levelEn(f)}.`,
          ...(f.details.reference ? [`Alert ${f.details.reference} is open.`] : []),
        ],
      }),
    },
    {
      name: 'Повышение уровня тревоги в регионе',
      text: (f) => ({
        subject: `Уровень повышен: ${regionRu(f)}, теперь ${levelRu(f)}`,
        lines: [
          `Уровень тревоги в регионе «${regionRu(f)}» повысился с ${f.details.from} до ${levelRu(f)}.`,
          ...(f.details.reference ? [`Открыто оповещение ${f.details.reference}.`] : []),
        ],
      }),
    },
  ),
  alert_raised: words(
    {
      name: 'An alert was raised',
      text: (f) => ({
        subject: `Alert raised: ${ref(f)} "${f.subject.title}"`,
        lines: [`A monitor raised an alert for ${regionEn(f)} at ${levelEn(f)}.`],
      }),
    },
    {
      name: 'Поднято оповещение',
      text: (f) => ({
        subject: `Поднято оповещение: ${ref(f)} «${f.subject.title}»`,
        lines: [`Наблюдатель поднял оповещение по региону «${regionRu(f)}»: ${levelRu(f)}.`],
      }),
    },
  ),
  alert_acknowledged: words(
    {
      name: 'An alert was acknowledged',
      text: (f) => ({
        subject: `Alert acknowledged: ${ref(f)} "${f.subject.title}"`,
        lines: [`The alert for ${regionEn(f)} was acknowledged.`, ...noteLines('Note', f)],
      }),
    },
    {
      name: 'Оповещение принято',
      text: (f) => ({
        subject: `Оповещение принято: ${ref(f)} «${f.subject.title}»`,
        lines: [`Оповещение по региону «${regionRu(f)}» принято к сведению.`, ...noteLines('Примечание', f)],
      }),
    },
  ),
  alert_escalated: words(
    {
      name: 'An alert was escalated',
      text: (f) => ({
        subject: `Alert escalated: ${ref(f)} "${f.subject.title}"`,
        lines: [`The alert for ${regionEn(f)} (${levelEn(f)}) was escalated.`, ...noteLines('Note', f)],
      }),
    },
    {
      name: 'Оповещение передано выше',
      text: (f) => ({
        subject: `Оповещение передано выше: ${ref(f)} «${f.subject.title}»`,
        lines: [
          `Оповещение по региону «${regionRu(f)}» (${levelRu(f)}) передано выше.`,
          ...noteLines('Примечание', f),
        ],
      }),
    },
  ),
  alert_closed: words(
    {
      name: 'An alert was closed',
      text: (f) => ({
        subject: `Alert closed: ${ref(f)} "${f.subject.title}"`,
        lines: [`The alert for ${regionEn(f)} was closed.`, ...noteLines('Reason', f)],
      }),
    },
    {
      name: 'Оповещение закрыто',
      text: (f) => ({
        subject: `Оповещение закрыто: ${ref(f)} «${f.subject.title}»`,
        lines: [`Оповещение по региону «${regionRu(f)}» закрыто.`, ...noteLines('Причина', f)],
      }),
    },
  ),
};
