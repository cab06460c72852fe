import type { Person } from '../../core/actor.ts';
import type { AttentionItem } from '../../core/module.ts';
import { modules } from '../../core/registry.ts';
import type { Db } from '../../db/connect.ts';

/** An item with the module that contributed it. */
export type HomeItem = AttentionItem & { module: string };

export interface Home {
  attention: HomeItem[];
  recent: HomeItem[];
  since: Date;
}

const DAY = 86_400_000;

/**
 * What waits on the person and what closed in the last `days` days, gathered from every
 * module that contributes to the home page (`attention` and `recent` in its index.ts).
 * Each contributor scopes its own queries by the policy; the home page adds no rule.
 * Waiting items come soonest deadline first (those without one after, in module order);
 * closed items newest first.
 */
export async function gatherHome(db: Db, person: Person, now: Date, days: number): Promise<Home> {
  const since = new Date(now.getTime() - days * DAY);
  const contributors = modules();
  const tag = (module: string) => (items: AttentionItem[]) => items.map((item) => ({ ...item, module }));
  const [attention, recent] = await Promise.all([
    Promise.all(
      contributors.flatMap((m) => (m.attention ? [m.attention(db, person, now).then(tag(m.name))] : [])),
    ),
    Promise.all(
      contributors.flatMap((m) => (m.recent ? [m.recent(db, person, since).then(tag(m.name))] : [])),
    ),
  ]);
  return {
    // Array.prototype.sort is stable: ties keep the modules' own order.
    attention: attention.flat().sort(byDeadline),
    recent: recent.flat().sort(byNewest),
    since,
  };
}

const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

function byDeadline(a: AttentionItem, b: AttentionItem): number {
  const [x, y] = [time(a.dueAt), time(b.dueAt)];
  if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
  return x - y;
}

const byNewest = (a: AttentionItem, b: AttentionItem) => (time(b.at) ?? 0) - (time(a.at) ?? 0);
