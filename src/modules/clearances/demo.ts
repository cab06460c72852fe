import { type Person, personFromRow } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { createAssetList } from './asset-lists/commands.ts';
import { loadDemoHistory } from './demo-history.ts';
import { decideLeg } from './legs/commands.ts';
import { grantStandingPermission } from './permissions/commands.ts';
import { createRequest } from './requests/commands.ts';
import {
  AssetListInput,
  CreateRequestInput,
  DecideLegInput,
  GrantStandingPermissionInput,
} from './schema.ts';

const HOUR = 3_600_000;
const DEMO_USERS = ['by.head', 'by.delegate', 'ru.head', 'kz.head'] as const;

/**
 * The demo's clearances, made through the real commands by the demo accounts and placed in
 * time relative to `now`: a standing permission of Russia for Belarusian training convoys,
 * a Belarusian asset list, a convoy to Kazakhstan pending across BY -> RU -> KZ (Belarus has
 * approved), a move to Russia cleared by both states, and a training move that the standing
 * permission cleared at once. Does nothing (false) when requests exist or the demo
 * accounts or crossing points are missing.
 */
export async function loadDemoClearances(db: Db, now = new Date()): Promise<boolean> {
  if (await db.selectFrom('clearance_requests').select('id').limit(1).executeTakeFirst()) return false;
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('username', 'in', [...DEMO_USERS])
    .execute();
  const point = await db
    .selectFrom('crossing_points')
    .select('code')
    .where('code', '=', 'BY-RU-REDKI')
    .executeTakeFirst();
  if (rows.length !== DEMO_USERS.length || !point) return false;
  const as = Object.fromEntries(rows.map((r) => [r.username, personFromRow(r)])) as Record<
    (typeof DEMO_USERS)[number],
    Person
  >;
  // First the past eight weeks (for the timeliness figures), so reference numbers follow time.
  await loadDemoHistory(db, now);
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString();
  const window = (from: number, hours = 8) => ({ from: at(from), to: at(from + hours) });
  const tx = <T>(fn: (trx: Db) => Promise<T>) => db.transaction().execute(fn);
  const convoy = [
    { kind: 'vehicle', type: 'MZKT-6001 tractor', count: 6, registrations: ['1234 AB-7', '1235 AB-7'] },
    { kind: 'vehicle', type: 'MAZ-6317 truck', count: 10 },
  ];
  const contact = { name: 'Lt Col A. Petrov', rank: 'Lieutenant Colonel', phone: '+375 17 200 00 00' };

  await tx((trx) =>
    grantStandingPermission(
      trx,
      as['ru.head'],
      null,
      GrantStandingPermissionInput.parse({
        grantee: 'BY',
        pattern: {
          frameworks: ['training', 'exercise'],
          crossingPoints: ['BY-RU-REDKI'],
          assetKinds: ['vehicle'],
          maxPersonnel: 60,
        },
        validFrom: at(-24 * 30),
        validTo: at(24 * 335),
        note: 'Annual permission for routine training convoys through Redki – Krasnoye',
      }),
      now,
    ),
  );
  await tx((trx) =>
    createAssetList(
      trx,
      as['by.delegate'],
      AssetListInput.parse({ name: '1st transport convoy', assets: convoy }),
      now,
    ),
  );

  // 1. Pending across BY -> RU -> KZ; Belarus has approved its own leg.
  const pending = await tx((trx) =>
    createRequest(
      trx,
      as['by.delegate'],
      CreateRequestInput.parse({
        title: 'Collective rapid deployment forces: convoy to the Kazakh training range',
        framework: 'collective_forces',
        urgency: 'urgent',
        classification: 'restricted',
        purpose:
          'Movement of the Belarusian contingent to the joint exercise of the collective rapid deployment forces.',
        operationName: 'Interaction-2026',
        pointOfContact: contact,
        legs: [
          {
            state: 'BY',
            entry: { point: 'BY-MSQ', window: window(20) },
            route: 'M1 Minsk – Orsha',
            exit: { point: 'BY-RU-REDKI', window: window(28) },
          },
          {
            state: 'RU',
            entry: { point: 'BY-RU-REDKI', window: window(28) },
            route: 'M1, M5 via Moscow, Samara and Chelyabinsk',
            stops: ['Smolensk', 'Samara'],
            exit: { point: 'RU-KZ-TROITSK', window: window(90, 12) },
          },
          {
            state: 'KZ',
            entry: { point: 'RU-KZ-TROITSK', window: window(90, 12) },
            route: 'A21 to Astana',
            exit: null,
          },
        ],
        assets: convoy,
        personnel: 140,
        armament: true,
        submit: true,
      }),
      now,
    ),
  );
  await tx((trx) =>
    decideLeg(trx, as['by.head'], pending.id, 'BY', DecideLegInput.parse({ decision: 'approve' }), now),
  );

  // 2. Cleared: a move to Russia, approved by both states (Russia with an escort).
  const cleared = await tx((trx) =>
    createRequest(
      trx,
      as['by.delegate'],
      CreateRequestInput.parse({
        title: 'Staff exercise: signal battalion to Smolensk',
        framework: 'exercise',
        urgency: 'routine',
        classification: 'restricted',
        purpose: 'Command-staff exercise with the Western military district.',
        pointOfContact: contact,
        legs: [
          {
            state: 'BY',
            entry: { point: 'BY-MSQ', window: window(48) },
            exit: { point: 'BY-RU-REDKI', window: window(54) },
          },
          {
            state: 'RU',
            entry: { point: 'BY-RU-REDKI', window: window(54) },
            route: 'M1 to Smolensk',
            exit: null,
          },
        ],
        assets: [{ kind: 'vehicle', type: 'R-166 signal vehicle', count: 8 }],
        personnel: 90,
        armament: false,
        submit: true,
      }),
      now,
    ),
  );
  await tx((trx) =>
    decideLeg(trx, as['by.head'], cleared.id, 'BY', DecideLegInput.parse({ decision: 'approve' }), now),
  );
  await tx((trx) =>
    decideLeg(
      trx,
      as['ru.head'],
      cleared.id,
      'RU',
      DecideLegInput.parse({
        decision: 'approve',
        internalNote: 'Ministry of Defence and FSB Border Service consulted',
      }),
      now,
    ),
  );

  // 3. A training move from the border, covered by the standing permission: a notification, cleared at once.
  await tx((trx) =>
    createRequest(
      trx,
      as['by.delegate'],
      CreateRequestInput.parse({
        title: 'Driver training convoy to Krasnoye',
        framework: 'training',
        urgency: 'routine',
        classification: 'restricted',
        purpose: 'Winter driving course.',
        pointOfContact: contact,
        legs: [
          {
            state: 'RU',
            entry: { point: 'BY-RU-REDKI', window: window(76) },
            route: 'Krasnoye training ground',
            exit: null,
          },
        ],
        assets: [{ kind: 'vehicle', type: 'MAZ-6317 truck', count: 4 }],
        personnel: 20,
        armament: false,
        submit: true,
      }),
      now,
    ),
  );
  return true;
}
