import type { TFunction } from 'i18next';
import type { Localized } from '../../types.ts';
import type { ReportCategory } from './api.ts';

export interface OptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * The taxonomy as a grouped select: a category with subcategories is a group holding the
 * category itself ("Battles — in general") and its subcategories; categories without any
 * are gathered in one group at the end.
 */
export function categoryOptions(
  categories: ReportCategory[],
  text: (value: Localized) => string,
  t: TFunction,
): OptionGroup[] {
  const groups: OptionGroup[] = [];
  const single: OptionGroup['items'] = [];
  for (const c of categories) {
    if (c.subcategories.length === 0) {
      single.push({ value: c.code, label: text(c.name) });
      continue;
    }
    groups.push({
      group: text(c.name),
      items: [
        { value: c.code, label: t('monitoring.category.general', { name: text(c.name) }) },
        ...c.subcategories.map((s) => ({ value: s.code, label: text(s.name) })),
      ],
    });
  }
  if (single.length) groups.push({ group: t('monitoring.category.other'), items: single });
  return groups;
}
