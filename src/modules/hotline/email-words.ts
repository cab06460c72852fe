import type { NotificationEmailWords } from '../../core/module.ts';
import type { Locale } from '../../db/schema.ts';
import type { EmailFacts } from '../notifications/index.ts';
import type { HotlineNotificationDetails } from './notify.ts';

// What each hotline notification says by e-mail, in English and Russian (the notifications
// module adds the frame). The subject line says which hotline and whether it is urgent; the
// text itself is the subject's title only when the mail may carry the message's classification.

type Facts = EmailFacts<HotlineNotificationDetails>;
type Kind = 'hotline_message' | 'hotline_acknowledged' | 'hotline_escalated';

const flag = (locale: Locale, f: Facts) =>
  f.details.urgent ? (locale === 'en' ? 'URGENT: ' : 'СРОЧНО: ') : '';

const words: Record<Kind, Record<Locale, NotificationEmailWords>> = {
  hotline_message: {
    en: {
      name: 'Hotline: new message',
      text: (f: Facts) => ({
        subject: `${flag('en', f)}hotline ${f.details.hotline}: message from ${f.state(f.details.fromState)}`,
        lines: [
          `${f.state(f.details.fromState)} wrote on hotline ${f.details.hotline} at ${f.when(f.details.sentAt)}:`,
          f.subject.title,
          `Acknowledge by ${f.when(f.details.dueAt)}, or it is escalated.`,
        ],
      }),
    },
    ru: {
      name: 'Горячая линия: новое сообщение',
      text: (f: Facts) => ({
        subject: `${flag('ru', f)}горячая линия ${f.details.hotline}: сообщение от ${f.state(f.details.fromState)}`,
        lines: [
          `${f.state(f.details.fromState)}, горячая линия ${f.details.hotline}, ${f.when(f.details.sentAt)}:`,
          f.subject.title,
          `Подтвердите получение до ${f.when(f.details.dueAt)}, иначе сообщение будет эскалировано.`,
        ],
      }),
    },
  },
  hotline_acknowledged: {
    en: {
      name: 'Hotline: message acknowledged',
      text: (f: Facts) => ({
        subject: `hotline ${f.details.hotline}: ${f.state(f.details.toState)} acknowledged your message`,
        lines: [
          `${f.details.acknowledgedBy ?? ''} (${f.state(f.details.toState)}) acknowledged at ${f.when(f.details.acknowledgedAt ?? f.details.sentAt)}:`,
          f.subject.title,
        ],
      }),
    },
    ru: {
      name: 'Горячая линия: получение подтверждено',
      text: (f: Facts) => ({
        subject: `горячая линия ${f.details.hotline}: ${f.state(f.details.toState)} подтвердил(а) получение`,
        lines: [
          `${f.details.acknowledgedBy ?? ''} (${f.state(f.details.toState)}), ${f.when(f.details.acknowledgedAt ?? f.details.sentAt)}:`,
          f.subject.title,
        ],
      }),
    },
  },
  hotline_escalated: {
    en: {
      name: 'Hotline: not acknowledged, escalated',
      text: (f: Facts) => ({
        subject: `${flag('en', f)}hotline ${f.details.hotline}: ${f.state(f.details.toState)} did not acknowledge`,
        lines: [
          `A message of ${f.state(f.details.fromState)} sent at ${f.when(f.details.sentAt)} was not acknowledged by ${f.when(f.details.dueAt)}:`,
          f.subject.title,
        ],
      }),
    },
    ru: {
      name: 'Горячая линия: не подтверждено, эскалация',
      text: (f: Facts) => ({
        subject: `${flag('ru', f)}горячая линия ${f.details.hotline}: ${f.state(f.details.toState)} не подтвердил(а) получение`,
        lines: [
          `Сообщение (${f.state(f.details.fromState)}, ${f.when(f.details.sentAt)}) не подтверждено до ${f.when(f.details.dueAt)}:`,
          f.subject.title,
        ],
      }),
    },
  },
};

export const hotlineEmailWords = words as Record<Kind, Record<Locale, NotificationEmailWords>>;
