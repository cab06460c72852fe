import { describe, expect, it } from 'vitest';
import type { EmailFacts, NotificationDetails } from '../notifications/index.ts';
import { decisionEmailWords } from './email-words.ts';

// The e-mail words of the decisions kinds (declared in index.ts, framed by the notifications
// module): pure functions of the notification's facts, checked on the texts themselves.

const facts = (details: Partial<NotificationDetails> = {}): EmailFacts => ({
  subject: { title: 'Joint exercise', reference: null, classification: 0 },
  details: { procedureId: 'p', procedureKind: 'silence', deadline: '2026-03-29T07:00:00Z', ...details },
  when: (iso) => `<${iso}>`,
  state: (code) => (code ? `[${code}]` : ''),
});

describe('the decisions e-mails', () => {
  it('name the proposal, the procedure and its deadline, in English and Russian', () => {
    const { en, ru } = decisionEmailWords.procedure_opened;
    expect([en.name, en.text(facts())]).toEqual([
      'Procedure opened',
      {
        subject: 'Procedure opened on "Joint exercise"',
        lines: [
          'A procedure was opened on "Joint exercise".',
          'Procedure: Silence procedure',
          'Deadline: <2026-03-29T07:00:00Z>',
        ],
      },
    ]);
    expect([ru.name, ru.text(facts())]).toEqual([
      'Открыта процедура',
      {
        subject: 'Открыта процедура: «Joint exercise»',
        lines: [
          'По предложению «Joint exercise» открыта процедура.',
          'Процедура: Процедура молчания',
          'Срок: <2026-03-29T07:00:00Z>',
        ],
      },
    ]);
  });

  it('say which state broke silence, how and on which points', () => {
    const objection = facts({ state: 'BY', stanceKind: 'object', points: ['1', '3'] });
    const amendment = facts({ state: 'AM', stanceKind: 'propose_amendment', points: ['2'] });
    expect(decisionEmailWords.silence_broken.en.text(objection).lines[0]).toBe(
      '[BY] objected (points: 1, 3).',
    );
    expect(decisionEmailWords.silence_broken.en.text(amendment).lines[0]).toBe(
      '[AM] proposed an amendment (points: 2).',
    );
    expect(decisionEmailWords.silence_broken.ru.text(objection)).toEqual({
      subject: 'Молчание нарушено: «Joint exercise»',
      lines: [
        '[BY]: возражение (пункты: 1, 3).',
        'Процедура: Процедура молчания',
        'Срок: <2026-03-29T07:00:00Z>',
      ],
    });
  });

  it('give the outcome without the deadline that has passed', () => {
    const closed = facts({ result: 'partially_adopted' });
    expect(decisionEmailWords.outcome.en.text(closed)).toEqual({
      subject: 'Outcome: partially adopted: "Joint exercise"',
      lines: ['The procedure on "Joint exercise" closed: partially adopted.', 'Procedure: Silence procedure'],
    });
    expect(decisionEmailWords.outcome.ru.text(closed).subject).toBe(
      'Итог: принято частично: «Joint exercise»',
    );
  });

  it('remind without a deadline line when there is none, and show an unknown procedure kind as it is', () => {
    const open = facts({ procedureKind: 'meeting_vote', deadline: null });
    expect(decisionEmailWords.deadline_24h.en.text(open)).toEqual({
      subject: 'Deadline in 24 hours: "Joint exercise"',
      lines: ['Your state has not yet answered on every point.', 'Procedure: meeting_vote'],
    });
    expect(decisionEmailWords.deadline_1h.ru.text(open)).toEqual({
      subject: 'Срок через 1 час: «Joint exercise»',
      lines: ['Ваше государство ответило ещё не по всем пунктам.', 'Процедура: meeting_vote'],
    });
  });
});
