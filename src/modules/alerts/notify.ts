import type { EventSubscriptions } from '../../core/events.ts';
import type { Db } from '../../db/connect.ts';
import type { NotificationKind } from '../../db/schema.ts';
import { can } from '../../policy/index.ts';
import { getMonitoringSettings } from '../directory/index.ts';
import { emit, recipients } from '../notifications/index.ts';
import { EARLY_WARNING } from './commands.ts';
import type { AlertNotificationDetails } from './email-words.ts';
import type { AlertChanged, LevelChanged } from './events.ts';
import { MONITORING_CLASSIFICATION } from './policy.ts';

// The situation room is told, in the transaction of the change: the secretariat's staff and
// the delegations of the region's states who may read what it is about (the `alert.notify`
// rule: within the classification, never observers or partners), less whoever caused it.

async function names(trx: Db, region: string, level: number) {
  const s = await getMonitoringSettings(trx);
  const r = s.regions.find((x) => x.code === region);
  const l = s.alertScale.find((x) => x.level === level);
  return {
    regionName: r?.name ?? { en: region, ru: region },
    levelName: l?.name ?? { en: `Level ${level}`, ru: `Уровень ${level}` },
  };
}

async function tell(
  trx: Db,
  kind: NotificationKind,
  subject: { type: string; id: string },
  audience: { states: string[]; classification: number },
  actorId: string | null,
  at: Date,
  details: AlertNotificationDetails,
) {
  const people = await recipients(
    trx,
    kind,
    { states: audience.states, secretariat: true },
    (person) => can(person, 'notify', 'alert', audience),
    actorId ? { kind: 'person', id: actorId } : EARLY_WARNING,
  );
  await emit(
    trx,
    people,
    {
      kind,
      subjectType: subject.type,
      subjectId: subject.id,
      key: `${subject.id}:${at.toISOString()}`,
      details,
      at,
    },
    { sentWithCommit: true },
  );
}

/** A rise: `level_raised` about the change of level (a fall tells nobody; it is in the record and the history). */
async function onLevelChanged(trx: Db, e: LevelChanged) {
  if (e.direction !== 'rose') return;
  await tell(
    trx,
    'level_raised',
    { type: 'level_change', id: e.levelChangeId },
    { states: e.states, classification: MONITORING_CLASSIFICATION },
    e.actorId,
    e.at,
    {
      region: e.region,
      ...(await names(trx, e.region, e.to)),
      level: e.to,
      from: e.from,
      reference: e.alert?.reference ?? null,
    },
  );
}

/** An alert's step. An automatic alert's opening was told as its level's rise. */
const onAlert = (kind: NotificationKind) => async (trx: Db, e: AlertChanged) => {
  if (kind === 'alert_raised' && e.origin === 'automatic') return;
  await tell(
    trx,
    kind,
    { type: 'alert', id: e.alertId },
    { states: e.states, classification: e.classification },
    e.actorId,
    e.at,
    {
      region: e.region,
      ...(await names(trx, e.region, e.level)),
      level: e.level,
      reference: e.reference,
      note: e.note,
    },
  );
};

/** The module's own subscriptions: its events, worded as notifications. */
export const alertNotices: EventSubscriptions = {
  'alerts.level_changed': onLevelChanged,
  'alerts.alert_opened': onAlert('alert_raised'),
  'alerts.alert_acknowledged': onAlert('alert_acknowledged'),
  'alerts.alert_escalated': onAlert('alert_escalated'),
  'alerts.alert_closed': onAlert('alert_closed'),
};
