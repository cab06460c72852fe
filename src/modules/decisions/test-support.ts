import type { Db } from '../../db/connect.ts';

/** Shapes the decisions API answers with, as the route tests read them. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: { field: string; reason: string }[] };
}
export interface Stance {
  point: string;
  state: string;
  kind: string;
  text: string | null;
  givenBy: string;
  supersededAt: string | null;
}
export interface Procedure {
  id: string;
  kind: string;
  status: string;
  eligible: string[];
  deadline: string | null;
  result: string | null;
  rule: { kind: string; excludedParties: string[] };
  board: { state: string; excluded: boolean; points: { point: string; stance: Stance | null }[] }[];
  notAnswered: { point: string; states: string[] }[];
  history: Stance[];
  decision: { id: string; label: string } | null;
  abilities: { giveStance: boolean; breakSilence: boolean; recordForStates: boolean; close: boolean };
}

export const HOUR = 3_600_000;
export const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;
export const procedureOf = async (res: Response) =>
  ((await res.json()) as { procedure: Procedure }).procedure;
export const inAnHour = () => new Date(Date.now() + HOUR).toISOString();

/** How many stances (current and superseded) are stored: a refused command adds none. */
export async function stanceCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('stances')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
