import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok, type Schema } from '../../api/client.ts';
import { useFormat } from '../../i18n/format.ts';
import { useStates } from '../../queries.ts';

/** One line of the home page (GET /api/home): something waiting on the reader, or closed lately. */
export type HomeItem = Schema<'AttentionItem'>;

/** The home page's query key; live updates refresh it on every decision or clearance entry. */
export const HOME_KEY = ['home'] as const;

/** How often the page asks again while open: windows close and silences apply without an entry the reader may see. */
const REFRESH_MS = 60_000;

export const useHome = () =>
  useQuery({
    queryKey: HOME_KEY,
    queryFn: ({ signal }) => ok(client.GET('/api/home', { signal })),
    refetchInterval: REFRESH_MS,
  });

/** The modules in the order the page groups them; any other module follows. */
export const MODULE_ORDER = ['decisions', 'clearances'];

/** Items grouped by module, in MODULE_ORDER, each group keeping the server's order. */
export function groupByModule(items: HomeItem[]): { module: string; items: HomeItem[] }[] {
  const groups = new Map<string, HomeItem[]>();
  for (const item of items) groups.set(item.module, [...(groups.get(item.module) ?? []), item]);
  const rank = (m: string) => (MODULE_ORDER.includes(m) ? MODULE_ORDER.indexOf(m) : MODULE_ORDER.length);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([module, list]) => ({ module, items: list }));
}

const str = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/**
 * The sentence that says why an item is on the page, in the reader's language: the item's
 * kind worded with its facts (state names from the directory, procedure kinds, results).
 * An unknown kind falls back to a neutral sentence, so a new module's items still show.
 */
export function useItemText() {
  const { t } = useTranslation();
  const { text } = useFormat();
  const states = useStates();
  const stateName = (code: unknown) => {
    const found = states.data?.items.find((s) => s.code === code);
    return found ? text(found.name) : str(code);
  };
  return (item: HomeItem): string => {
    const d = item.details;
    const values = {
      state: stateName(d.state),
      requester: stateName(d.requestingState),
      reference: str(d.reference),
      procedure: t(`home.procedure.${str(d.procedureKind)}`, { defaultValue: str(d.procedureKind) }),
      result: t(`home.result.${str(d.result)}`, { defaultValue: str(d.result) }),
      number: str(d.number),
      year: str(d.year),
      count: typeof d.legs === 'number' ? d.legs : 1,
    };
    return t(`home.kind.${item.kind.replace('.', '_')}`, { ...values, defaultValue: t('home.kind.other') });
  };
}
