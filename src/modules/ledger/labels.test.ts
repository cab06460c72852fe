import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modules } from '../../core/registry.ts';
import { ledgerActionSpecs } from './actions.ts';

type Tree = { [key: string]: string | Tree };
const translations = (lang: 'en' | 'ru') =>
  JSON.parse(readFileSync(new URL(`../../../web/src/i18n/${lang}.json`, import.meta.url), 'utf8')) as Tree;

/** The record page words an action by `actions.<action with _ for .>`, its module by `record.modules.<module>`. */
const labelOf = (tree: Tree, path: string[]) =>
  path.reduce<string | Tree | undefined>(
    (node, key) => (typeof node === 'object' ? node[key] : undefined),
    tree,
  );

describe('the record page labels', () => {
  const actions = [...ledgerActionSpecs()];

  it.each(['en', 'ru'] as const)('words every kind of record entry in %s', (lang) => {
    const tree = translations(lang);
    const missing = actions
      .map(([action]) => action)
      .filter((action) => typeof labelOf(tree, ['actions', action.replace(/\./g, '_')]) !== 'string');
    expect(missing, `actions without a ${lang} label in web/src/i18n/${lang}.json`).toEqual([]);
  });

  it.each(['en', 'ru'] as const)(
    'names every module that writes entries in %s (the filter groups)',
    (lang) => {
      const tree = translations(lang);
      const modules = [...new Set(actions.map(([, spec]) => spec.module))];
      const missing = modules.filter((m) => typeof labelOf(tree, ['record', 'modules', m]) !== 'string');
      expect(missing).toEqual([]);
    },
  );

  it.each(['en', 'ru'] as const)('names every kind of subject the modules resolve in %s', (lang) => {
    const tree = translations(lang);
    const types = modules().flatMap((m) => Object.keys(m.subjects ?? {}));
    expect(types.length).toBeGreaterThan(5);
    const missing = types.filter(
      (type) => typeof labelOf(tree, ['record', 'subjectTypes', type]) !== 'string',
    );
    expect(missing).toEqual([]);
  });

  it('has a label in Russian that is not the English one', () => {
    const en = translations('en');
    const ru = translations('ru');
    const same = actions
      .map(([action]) => action.replace(/\./g, '_'))
      .filter((key) => labelOf(en, ['actions', key]) === labelOf(ru, ['actions', key]));
    expect(same).toEqual([]);
  });
});
