import { describe, expect, it } from 'vitest';
import type { ClearanceNotificationDetails, EmailFacts } from '../notifications/index.ts';
import { clearanceEmailWords } from './email-words.ts';

// The e-mail words of the clearance kinds (declared in index.ts, framed by the notifications
// module): pure functions of the notification's facts, checked on the texts themselves.

const facts = (details: Partial<ClearanceNotificationDetails> = {}): EmailFacts => ({
  subject: { title: 'Convoy', reference: 'BY-2026-0042', classification: 1 },
  details: {
    reference: 'BY-2026-0042',
    requestingState: 'BY',
    urgency: 'urgent',
    state: 'TJ',
    dueAt: '2026-03-29T07:00:00Z',
    ...details,
  },
  when: (iso) => `<${iso}>`,
  state: (code) => (code ? `[${code}]` : ''),
});

describe('the clearance e-mails', () => {
  it('name the request by reference and title, its state and urgency, and the leg’s window', () => {
    const { en, ru } = clearanceEmailWords.leg_arrived;
    expect([en.name, en.text(facts())]).toEqual([
      'Clearance leg to decide',
      {
        subject: 'Clearance leg to decide: BY-2026-0042 "Convoy"',
        lines: [
          'A leg of this movement awaits your state’s decision.',
          'Request BY-2026-0042 of [BY] (urgent)',
          'Leg of [TJ]; the window closes <2026-03-29T07:00:00Z>',
        ],
      },
    ]);
    expect([ru.name, ru.text(facts())]).toEqual([
      'Участок маршрута на решение',
      {
        subject: 'Участок маршрута на решение: BY-2026-0042 «Convoy»',
        lines: [
          'Участок этого перемещения ожидает решения вашего государства.',
          'Запрос BY-2026-0042, [BY] (срочно)',
          'Участок: [TJ]; срок решения до <2026-03-29T07:00:00Z>',
        ],
      },
    ]);
  });

  it('say when the requester answered the state’s question, and leave out a window not set', () => {
    const answered = facts({ reason: 'info_given', dueAt: null });
    expect(clearanceEmailWords.leg_arrived.en.text(answered).lines).toEqual([
      'The requester answered: the leg of [TJ] is back with you.',
      'Request BY-2026-0042 of [BY] (urgent)',
      'Leg of [TJ]',
    ]);
    expect(clearanceEmailWords.leg_due_1h.ru.text(answered).lines.at(-1)).toBe('Участок: [TJ]');
  });

  it('give a leg’s decision, how it was taken and the clearance number when there is one', () => {
    const tacit = facts({ outcome: 'approved_with_conditions', how: 'tacit', clearanceNumber: 'TJ-17' });
    expect(clearanceEmailWords.leg_decided.en.text(tacit)).toEqual({
      subject: '[TJ] decided a leg of BY-2026-0042 "Convoy"',
      lines: [
        '[TJ]: approved with conditions (tacit consent).',
        'Clearance no. TJ-17',
        'Request BY-2026-0042 of [BY] (urgent)',
      ],
    });
    const asked = facts({ outcome: 'info_requested', how: null, clearanceNumber: null, urgency: 'routine' });
    expect(clearanceEmailWords.leg_decided.ru.text(asked)).toEqual({
      subject: 'Решение по участку ([TJ]): BY-2026-0042 «Convoy»',
      lines: ['[TJ]: запрошены дополнительные сведения.', 'Запрос BY-2026-0042, [BY] (в обычном порядке)'],
    });
  });

  it('tell the request’s end: cleared, denied by a state, or a leg escalated', () => {
    expect(clearanceEmailWords.request_cleared.en.text(facts()).subject).toBe(
      'Movement cleared: BY-2026-0042 "Convoy"',
    );
    expect(clearanceEmailWords.request_denied.ru.text(facts())).toEqual({
      subject: 'В перемещении отказано: BY-2026-0042 «Convoy»',
      lines: ['Отказ: [TJ].', 'Запрос BY-2026-0042, [BY] (срочно)'],
    });
    expect(clearanceEmailWords.leg_escalated.en.text(facts()).lines[0]).toBe(
      '[TJ] stayed silent: the leg is escalated to the secretariat.',
    );
  });
});
