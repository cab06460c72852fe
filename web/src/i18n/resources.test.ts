import { describe, expect, it } from 'vitest';
import en from './en.json';
import { makeFormatters } from './format.ts';
import ru from './ru.json';

type Tree = { [key: string]: string | Tree };

/** Every key, with plural suffixes folded away ("members_one" → "members"). */
function keys(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') out.add(path.replace(/_(zero|one|two|few|many|other)$/, ''));
    else for (const nested of keys(value, `${path}.`)) out.add(nested);
  }
  return out;
}

describe('translations', () => {
  it('has every English string in Russian and the other way round', () => {
    const english = keys(en as Tree);
    const russian = keys(ru as Tree);
    expect([...english].filter((k) => !russian.has(k))).toEqual([]);
    expect([...russian].filter((k) => !english.has(k))).toEqual([]);
  });

  it('gives Russian plurals all the forms Russian needs', () => {
    const flat = JSON.stringify(ru);
    for (const base of [...flat.matchAll(/"(\w+)_one"/g)].map((m) => m[1])) {
      for (const form of ['few', 'many', 'other']) expect(flat).toContain(`"${base}_${form}"`);
    }
  });
});

describe('formatting', () => {
  it('formats calendar dates per language without shifting the day', () => {
    expect(makeFormatters('en').date('2022-11-23')).toBe('23 November 2022');
    expect(makeFormatters('ru').date('2022-11-23')).toBe('23 ноября 2022 г.');
  });

  it('formats numbers per language', () => {
    expect(makeFormatters('en').number(12345)).toBe('12,345');
    expect(makeFormatters('ru').number(12345).replace(/\s/g, ' ')).toBe('12 345');
  });

  it('picks the text in the current language, falling back to the other', () => {
    expect(makeFormatters('ru').text({ en: 'Belarus', ru: 'Беларусь' })).toBe('Беларусь');
    expect(makeFormatters('ru').text({ en: 'Belarus', ru: '' })).toBe('Belarus');
  });
});
