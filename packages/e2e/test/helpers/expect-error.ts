/**
 * The error a call rejects with. Fails the test when the call resolves, so a test that expects
 * an error can never pass by accident.
 */
export async function rejectionOf(call: PromiseLike<unknown>): Promise<any> {
  let value: unknown;
  try {
    value = await call;
  } catch (e) {
    return e;
  }
  throw new Error(`expected the call to reject, but it resolved with ${safe(value)}`);
}

function safe(v: unknown): string {
  try {
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x))?.slice(0, 300) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Ids of rows, in the order returned. */
export function ids(rows: readonly { id: unknown }[]): unknown[] {
  return rows.map((r) => r.id);
}
