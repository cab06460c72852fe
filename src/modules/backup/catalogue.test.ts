import { describe, expect, it } from 'vitest';
import { insertionOrder, type TableInfo } from './catalogue.ts';

describe('insertionOrder', () => {
  const table = (name: string, parents: string[] = []): TableInfo => ({
    name,
    parents,
    columns: [],
    primaryKey: [],
    selfReferences: [],
  });

  it('puts parents first, breaks ties by name, and puts tables in a cycle last', () => {
    const order = insertionOrder([
      table('c', ['b']),
      table('b', ['a']),
      table('a'),
      table('aa'),
      table('x', ['y']),
      table('y', ['x']),
      table('z', ['missing']),
    ]);
    expect(order.map((t) => t.name)).toEqual(['a', 'aa', 'b', 'c', 'z', 'x', 'y']);
  });
});
