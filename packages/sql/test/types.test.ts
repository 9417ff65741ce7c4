// Type tests: compiled by `tsc -b`, so a line below that stops being an error fails the build.
import { as, col, eq, insertInto, lit, param, select, star, table, update } from '../src/index.js';
import type { ExpressionNode, SelectNode, StatementNode } from '../src/index.js';

describe('types', () => {
  test('values must be wrapped in param(): builders never guess what is a node', () => {
    // @ts-expect-error a bare value is not an expression
    eq(col('a'), 5);
    // @ts-expect-error a bare string is not a column either
    eq('a', param(5));
    expect(eq(col('a'), param(5)).right).toEqual({ kind: 'Param', value: 5 });
  });

  test('literals carry no text', () => {
    // @ts-expect-error strings must be parameters
    lit('x');
    expect(lit(1).value).toBe(1);
  });

  test('an alias belongs to a select list, not to a predicate', () => {
    select({
      columns: [as(col('a'), 'b'), star()],
      from: table('t'),
      // @ts-expect-error an AliasNode is not an ExpressionNode
      where: as(col('a'), 'b'),
    });
  });

  test('statements and expressions are distinct sets', () => {
    const s: SelectNode = select({ columns: [star()] });
    const statement: StatementNode = s;
    // @ts-expect-error an INSERT is not an expression
    const e: ExpressionNode = insertInto(table('t'));
    // @ts-expect-error update needs a set list
    expect(() => update(table('t'), {})).toThrow(TypeError);
    expect([statement.kind, e.kind]).toEqual(['Select', 'Insert']);
  });
});
