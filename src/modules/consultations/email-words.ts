import type { NotificationEmailWords } from '../../core/module.ts';
import type { Locale } from '../../db/schema.ts';
import type { EmailFacts } from '../notifications/index.ts';
import type { ConsultationNotificationDetails } from './notify.ts';

// What each kind of consultation notification says by e-mail, in English and Russian (the
// notifications module adds the frame: the link, the footer). The words never repeat what
// was said in the talks: a message's or a point's text stays in the consultation.

type Facts = EmailFacts<ConsultationNotificationDetails>;
type Words = NotificationEmailWords;

const ref = (f: Facts) => f.subject.reference ?? f.details.reference;
const by = (f: Facts, secretariat: string) =>
  `${f.details.author ?? ''} (${f.details.state ? f.state(f.details.state) : secretariat})`;

const words = (en: Words, ru: Words): Record<Locale, Words> => ({ en, ru });

/** The e-mail of each consultations notification kind, in each language (declared in index.ts). */
export const consultationEmailWords = {
  consultation_message: words(
    {
      name: 'New message in a consultation',
      text: (f: Facts) => ({
        subject: `New message in consultation ${ref(f)} "${f.subject.title}"`,
        lines: [`From: ${by(f, 'secretariat')}`, 'Open the consultation to read it.'],
      }),
    },
    {
      name: 'Новое сообщение в консультациях',
      text: (f: Facts) => ({
        subject: `Новое сообщение в консультациях ${ref(f)} «${f.subject.title}»`,
        lines: [`От: ${by(f, 'секретариат')}`, 'Откройте консультации, чтобы прочитать его.'],
      }),
    },
  ),
  consultation_point: words(
    {
      name: 'A point to agree in a consultation',
      text: (f: Facts) => ({
        subject: `Point ${f.details.position} awaits your state's agreement: ${ref(f)} "${f.subject.title}"`,
        lines: ['Open the consultation to read the point and agree to it for your state.'],
      }),
    },
    {
      name: 'Пункт для согласования в консультациях',
      text: (f: Facts) => ({
        subject: `Пункт ${f.details.position} ждёт согласия вашего государства: ${ref(f)} «${f.subject.title}»`,
        lines: [
          'Откройте консультации, чтобы прочитать пункт и согласовать его от имени вашего государства.',
        ],
      }),
    },
  ),
  consultation_concluded: words(
    {
      name: 'Consultation concluded',
      text: (f: Facts) => ({
        subject: `Consultation ${ref(f)} "${f.subject.title}" concluded`,
        lines: [`Points agreed by every state: ${f.details.agreedPoints ?? 0}`],
      }),
    },
    {
      name: 'Консультации завершены',
      text: (f: Facts) => ({
        subject: `Консультации ${ref(f)} «${f.subject.title}» завершены`,
        lines: [`Пунктов, согласованных всеми государствами: ${f.details.agreedPoints ?? 0}`],
      }),
    },
  ),
};
