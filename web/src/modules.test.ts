import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { notificationKinds, webhookEvents } from '../../src/core/registry.ts';
import { MODULES } from '../../src/modules/index.ts';
import { assemblePlatform } from '../../src/platform.ts';
import en from './i18n/en.json';
import ru from './i18n/ru.json';
import { WEB_MODULES } from './modules.ts';
import type { NotificationItem } from './notifications.ts';
import { wordingOf } from './pages/notifications/NotificationText.tsx';

type Tree = { [key: string]: string | Tree };

/** Whether a dotted key names a string of the translation tree (plural forms count). */
function has(tree: Tree, key: string): boolean {
  const parts = key.split('.');
  const last = parts.pop() ?? '';
  let node: string | Tree | undefined = tree;
  for (const part of parts) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'object') return false;
  return typeof node[last] === 'string' || typeof node[`${last}_one`] === 'string';
}

const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

/**
 * The notification kinds the server sends: those its modules declare (`notificationKinds`
 * in src/modules/<m>/index.ts), gathered by the registry (what the database's check and
 * the preferences accept).
 */
assemblePlatform(MODULES);
const serverKinds = [...notificationKinds().keys()];
const serverWebhookEvents = [...webhookEvents().keys()];

describe('the web modules', () => {
  it('have distinct names and pages at distinct addresses', () => {
    expect(duplicates(WEB_MODULES.map((m) => m.name))).toEqual([]);
    const paths = WEB_MODULES.flatMap((m) => [...(m.routes ?? []), ...(m.publicRoutes ?? [])]).map(
      (r) => r.path,
    );
    expect(paths.length).toBeGreaterThan(20);
    expect(duplicates(paths)).toEqual([]);
    for (const path of paths) expect(path, path).toMatch(/^\/[^\s]*$/);
  });

  it('lead the navigation to their own signed-in pages, each entry once', () => {
    const signedIn = new Set(WEB_MODULES.flatMap((m) => m.routes ?? []).map((r) => r.path));
    const entries = WEB_MODULES.flatMap((m) => m.nav?.entries ?? []);
    expect(duplicates(entries.map((e) => e.path))).toEqual([]);
    for (const m of WEB_MODULES) {
      const own = new Set((m.routes ?? []).map((r) => r.path));
      for (const entry of m.nav?.entries ?? []) {
        expect(own.has(entry.path), `${m.name}: ${entry.path}`).toBe(true);
        expect(signedIn.has(entry.path)).toBe(true);
      }
    }
  });

  it('name navigation labels and section titles that exist in English and Russian', () => {
    const keys = WEB_MODULES.flatMap((m) =>
      m.nav ? [m.nav.section, ...m.nav.entries.map((e) => e.label)] : [],
    );
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((key) => !has(en as Tree, key))).toEqual([]);
    expect(keys.filter((key) => !has(ru as Tree, key))).toEqual([]);
  });

  it('word every notification kind the server sends, each in one module, with its title in both languages', () => {
    expect(serverKinds.length).toBeGreaterThan(0);
    const worded = WEB_MODULES.flatMap((m) => Object.keys(m.notifications ?? {}));
    expect(duplicates(worded)).toEqual([]);
    expect(serverKinds.filter((kind) => !worded.includes(kind))).toEqual([]);
    expect(worded.filter((kind) => !serverKinds.includes(kind))).toEqual([]);
    for (const kind of serverKinds) {
      expect(has(en as Tree, `notifications.kind.${kind}`), kind).toBe(true);
      expect(has(ru as Tree, `notifications.kind.${kind}`), kind).toBe(true);
    }
  });

  it('list the webhook events the server modules declare (each once), each named in en and ru', () => {
    expect(serverWebhookEvents.length).toBeGreaterThan(0);
    const listed = WEB_MODULES.flatMap((m) => m.webhookEvents ?? []);
    // In the web modules' order (the form lists clearance events first); the same kinds as the server's.
    expect([...listed].sort()).toEqual([...serverWebhookEvents].sort());
    expect(new Set(listed).size).toBe(listed.length);
    for (const kind of listed) {
      expect(has(en as Tree, `webhooks.eventNames.${kind}`), kind).toBe(true);
      expect(has(ru as Tree, `webhooks.eventNames.${kind}`), kind).toBe(true);
    }
  });
});

describe('the notification wording', () => {
  const words = async (lng: 'en' | 'ru') => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng,
      resources: { en: { translation: en }, ru: { translation: ru } },
      interpolation: { escapeValue: false },
    });
    return { t: i18n.t, dateTime: (iso: string) => `<${iso}>` };
  };
  const item = (fields: Partial<NotificationItem>): NotificationItem => ({
    id: '00000000-0000-4000-8000-000000000001',
    kind: 'outcome',
    subject: { type: 'proposal', id: 'p', title: 'Joint exercise', reference: null, path: '/proposals/p' },
    proposal: null,
    procedure: null,
    clearance: null,
    deadline: null,
    state: null,
    stanceKind: null,
    points: [],
    result: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    readAt: null,
    ...fields,
  });
  const clearance = {
    id: '00000000-0000-4000-8000-000000000002',
    reference: 'MC-2026-0007',
    title: 'Convoy to Dushanbe',
    requestingState: 'KZ',
    outcome: null,
    how: null,
    clearanceNumber: null,
    infoGiven: false,
  };

  it('says what a decisions notification is about, from the proposal', async () => {
    const en = await words('en');
    const broken = item({
      kind: 'silence_broken',
      proposal: { id: '00000000-0000-4000-8000-000000000003', title: 'Joint exercise' },
      state: 'AM',
      stanceKind: 'propose_amendment',
      points: ['1', '3'],
    });
    expect(wordingOf('silence_broken')?.subject(broken)).toBe('Joint exercise');
    expect(wordingOf('silence_broken')?.detail(broken, en)).toBe('AM proposed an amendment (points: 1, 3)');
    const due = item({ kind: 'deadline_1h', deadline: '2026-03-02T08:00:00.000Z' });
    expect(wordingOf('deadline_1h')?.detail(due, en)).toBe('Deadline: <2026-03-02T08:00:00.000Z>');
    expect(wordingOf('outcome')?.detail(item({ result: 'partially_adopted' }), en)).toBe('Partially adopted');
    expect(wordingOf('outcome')?.detail(item({}), en)).toBeNull();
  });

  it('says what a clearance notification is about, from the request and the leg', async () => {
    const [en, ru] = [await words('en'), await words('ru')];
    const decided = item({
      kind: 'leg_decided',
      state: 'KG',
      clearance: { ...clearance, outcome: 'approved', how: 'tacit', clearanceNumber: 'KG-17' },
    });
    expect(wordingOf('leg_decided')?.subject(decided)).toBe('MC-2026-0007 · Convoy to Dushanbe');
    expect(wordingOf('leg_decided')?.detail(decided, en)).toBe(
      'KG: approved (tacit consent), clearance no. KG-17',
    );
    expect(wordingOf('leg_decided')?.detail(decided, ru)).toMatch(/^KG: /);
    const answered = item({ kind: 'leg_arrived', state: 'TJ', clearance: { ...clearance, infoGiven: true } });
    expect(wordingOf('leg_arrived')?.detail(answered, en)).toBe(
      'The requester answered: leg of TJ is back with you',
    );
    const waiting = item({
      kind: 'leg_due_1h',
      state: 'TJ',
      clearance,
      deadline: '2026-03-02T08:00:00.000Z',
    });
    expect(wordingOf('leg_due_1h')?.detail(waiting, en)).toBe(
      'Leg of TJ; window closes <2026-03-02T08:00:00.000Z>',
    );
    expect(wordingOf('request_cleared')?.detail(item({ kind: 'request_cleared', clearance }), en)).toBeNull();
    // A request the reader can no longer see: the title alone.
    expect(wordingOf('request_denied')?.subject(item({ kind: 'request_denied' }))).toBeNull();
    expect(wordingOf('request_denied')?.detail(item({ kind: 'request_denied' }), en)).toBeNull();
  });

  it('says what a consultation notification is about, from its subject, and who wrote', async () => {
    const [en, ru] = [await words('en'), await words('ru')];
    const subject = {
      type: 'consultation',
      id: 'c',
      title: 'Isfara valley water intake',
      reference: 'CN-2026-0001',
      path: '/consultations/c',
    };
    const fromKg = item({ kind: 'consultation_message', subject, state: 'KG' });
    expect(wordingOf('consultation_message')?.subject(fromKg)).toBe(
      'CN-2026-0001 · Isfara valley water intake',
    );
    expect(wordingOf('consultation_message')?.detail(fromKg, en)).toBe('From KG');
    expect(wordingOf('consultation_message')?.detail(fromKg, ru)).toBe('От: KG');
    const fromSecretariat = item({ kind: 'consultation_message', subject });
    expect(wordingOf('consultation_message')?.detail(fromSecretariat, en)).toBe('From the secretariat');
    const point = item({ kind: 'consultation_point', subject });
    expect(wordingOf('consultation_point')?.detail(point, en)).toBe("Your state's agreement is asked");
    // A consultation the reader no longer takes part in: the kind's title alone.
    const gone = item({
      kind: 'consultation_concluded',
      subject: { ...subject, title: '', reference: null },
    });
    expect(wordingOf('consultation_concluded')?.subject(gone)).toBeNull();
  });
});
