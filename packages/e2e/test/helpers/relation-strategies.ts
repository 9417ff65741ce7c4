// Running find calls with both relation load strategies (relation-load-join*.test.ts).
import type { TestClient } from './sqlite-db.js';

export type Args = Record<string, unknown>;
export type Case = [title: string, model: string, method: string, args: Args];

/** Records the statements and info messages of `client`, and runs calls with both strategies. */
export function strategies(client: () => TestClient) {
  const sent: string[] = [];
  const info: string[] = [];
  let listening: TestClient | null = null;
  const db = () => {
    const c = client();
    if (listening !== c) {
      c.$on('query', (e: { query: string }) => sent.push(e.query));
      c.$on('info', (e: { message: string }) => info.push(e.message));
      listening = c;
    }
    return c;
  };
  return {
    db,
    sent,
    info,
    /** Runs the call with 'query', then with 'join': both results and the statements 'join' sent. */
    async both(model: string, method: string, args: Args) {
      const query = await db().m(model)[method]({ ...args, relationLoadStrategy: 'query' });
      sent.length = 0;
      const join = await db().m(model)[method]({ ...args, relationLoadStrategy: 'join' });
      return { query, join, statements: [...sent] };
    },
  };
}

/** Asserts that both strategies return the same, 'join' in one statement; returns the result. */
export async function same(s: ReturnType<typeof strategies>, [, model, method, args]: Case): Promise<unknown> {
  const { query, join, statements } = await s.both(model, method, args);
  expect(join).toStrictEqual(query);
  expect(statements).toHaveLength(1);
  return join;
}
