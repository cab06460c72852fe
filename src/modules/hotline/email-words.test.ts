import { describe, expect, it } from 'vitest';
import type { EmailFacts } from '../notifications/index.ts';
import { hotlineEmailWords } from './email-words.ts';
import type { HotlineNotificationDetails } from './notify.ts';

// What a hotline e-mail says, in both languages: the hotline, the states, the times, the
// message's opening words (the subject's title) and an urgent message flagged in the subject.

const facts = (urgency: 'routine' | 'urgent'): EmailFacts<HotlineNotificationDetails> => ({
  subject: { title: 'Shots heard near post 14', reference: 'KG-TJ', classification: 1 },
  details: {
    hotline: 'KG-TJ',
    fromState: 'TJ',
    toState: 'KG',
    urgency,
    urgent: urgency === 'urgent',
    sentAt: '2026-03-01T02:40:00.000Z',
    dueAt: '2026-03-01T02:55:00.000Z',
    acknowledgedAt: '2026-03-01T02:46:00.000Z',
    acknowledgedBy: 'kg.focal',
  },
  when: (iso) => `<${iso}>`,
  state: (code) => `{${code}}`,
});

describe('hotline e-mails', () => {
  for (const [kind, locales] of Object.entries(hotlineEmailWords))
    for (const [locale, words] of Object.entries(locales))
      it(`${kind} in ${locale}: names the hotline, the message and its times; urgent ones flagged`, () => {
        const urgent = words.text(facts('urgent'));
        const routine = words.text(facts('routine'));
        expect(urgent.subject).toContain('KG-TJ');
        expect(urgent.lines.join('\n')).toContain('Shots heard near post 14');
        expect(urgent.lines.join('\n')).toContain('<2026-03-01T02:');
        expect(urgent.subject + urgent.lines.join('\n')).toMatch(/\{(TJ|KG)\}/);
        expect(words.name.length).toBeGreaterThan(0);
        if (kind !== 'hotline_acknowledged') {
          expect(urgent.subject).toMatch(/^(URGENT|СРОЧНО): /);
          expect(routine.subject).not.toMatch(/^(URGENT|СРОЧНО)/);
        }
      });
});
