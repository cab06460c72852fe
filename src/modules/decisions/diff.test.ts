import { describe, expect, it } from 'vitest';
import { diffLines, versionDocument } from './diff.ts';

const ops = (a: string, b: string) =>
  diffLines(a, b).map((l) => `${{ same: ' ', added: '+', removed: '-' }[l.op]}${l.text}`);

describe('diffLines', () => {
  it.each([
    ['identical', 'a\nb', 'a\nb', [' a', ' b']],
    ['a changed line', 'a\nb\nc', 'a\nB\nc', [' a', '-b', '+B', ' c']],
    ['an insertion', 'a\nc', 'a\nb\nc', [' a', '+b', ' c']],
    ['a deletion', 'a\nb\nc', 'a\nc', [' a', '-b', ' c']],
    ['everything new', 'x', 'y', ['-x', '+y']],
    ['from empty', '', 'a', ['-', '+a']],
    ['a moved line keeps the longest common run', 'a\nb\nc\nd', 'b\nc\nd\na', ['-a', ' b', ' c', ' d', '+a']],
  ])('%s', (_name, a, b, expected) => {
    expect(ops(a, b)).toEqual(expected);
  });

  it('numbers lines in both texts', () => {
    expect(diffLines('a\nb\nc', 'a\nx\nc')).toEqual([
      { op: 'same', text: 'a', from: 1, to: 1 },
      { op: 'removed', text: 'b', from: 2, to: null },
      { op: 'added', text: 'x', from: null, to: 2 },
      { op: 'same', text: 'c', from: 3, to: 3 },
    ]);
  });

  it('stays quick on a long text with a small change', () => {
    const long = Array.from({ length: 20_000 }, (_, i) => `line ${i}`);
    const changed = [...long];
    changed[10_000] = 'changed';
    const lines = diffLines(long.join('\n'), changed.join('\n'));
    expect(lines.filter((l) => l.op !== 'same').map((l) => l.text)).toEqual(['line 10000', 'changed']);
  });
});

describe('versionDocument', () => {
  it('reads as title, text, then numbered points', () => {
    expect(versionDocument({ title: 'T', text: 'Body', points: [{ key: '1', text: 'One' }] })).toBe(
      '# T\n\nBody\n\n1. One',
    );
  });
});
