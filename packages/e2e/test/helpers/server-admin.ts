import { openMysqlExecutor, openPostgresExecutor, type DatabaseConnection } from '@kiln/migrate';
import { MYSQL_URL, POSTGRES_URL, provider } from './db.js';

/**
 * A separate administrator's connection to the server under test, for fault tests: it sees the
 * client's sessions and ends them, as `pg_terminate_backend` or `KILL` from a console would.
 * Sessions are named by their server id (`pg_backend_pid()`, `CONNECTION_ID()`).
 */
export interface ServerAdmin {
  /** Ends the session from outside; fails when the server knows no such session. */
  kill(id: number): Promise<void>;
  /** The session's state, or null when it is gone. */
  session(id: number): Promise<{ running: string | null; inTransaction: boolean } | null>;
  /** Waits until the session runs a statement whose text contains `text`. */
  waitUntilRunning(id: number, text: string): Promise<void>;
  /** Waits until the session is gone, then a little longer, so the client has seen its socket close. */
  waitUntilGone(id: number): Promise<void>;
  close(): Promise<void>;
}

/** The SQL that reads a client connection's own session id. */
export const SESSION_ID_SQL = provider === 'postgresql' ? 'SELECT pg_backend_pid() AS id' : 'SELECT CONNECTION_ID() AS id';

/** The server's session id of whatever connection `db` runs its next raw query on. */
export async function sessionId(db: { $queryRawUnsafe(sql: string): PromiseLike<unknown[]> }): Promise<number> {
  const rows = (await db.$queryRawUnsafe(SESSION_ID_SQL)) as { id: unknown }[];
  const id = Number(rows[0]?.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`no session id in ${JSON.stringify(rows)}`);
  return id;
}

const POLL_MS = 20;
const DEADLINE_MS = 15_000;
/** Time for the client's event loop to read the closed socket once the server ended the session. */
const SETTLE_MS = 150;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function openServerAdmin(): Promise<ServerAdmin> {
  if (provider === 'sqlite') throw new Error('openServerAdmin: SQLite has no server');
  const c: DatabaseConnection = provider === 'postgresql' ? await openPostgresExecutor(POSTGRES_URL) : await openMysqlExecutor(MYSQL_URL);

  const session = async (id: number) => {
    checkId(id);
    if (provider === 'postgresql') {
      const rows = await c.query('SELECT state, query FROM pg_stat_activity WHERE pid = $1', [id]);
      const r = rows[0] as { state: string | null; query: string } | undefined;
      if (!r) return null;
      return { running: r.state === 'active' ? r.query : null, inTransaction: r.state === 'idle in transaction' || r.state === 'active' };
    }
    const rows = await c.query('SELECT COMMAND AS command, INFO AS info FROM information_schema.PROCESSLIST WHERE ID = ?', [id]);
    const r = rows[0] as { command: string; info: string | null } | undefined;
    // A killed session lingers as COMMAND 'Killed' until its thread has cleaned up.
    if (!r || r.command === 'Killed') return null;
    // InnoDB lists a transaction once it has read or written a table.
    const trx = await c.query('SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id = ?', [id]);
    // 'Query' for a plain statement, 'Execute' for a prepared one, 'Sleep' when idle.
    return { running: r.command === 'Query' || r.command === 'Execute' ? r.info : null, inTransaction: Number((trx[0] as { n: unknown }).n) > 0 };
  };

  const until = async (what: string, done: () => Promise<boolean>) => {
    const deadline = Date.now() + DEADLINE_MS;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await sleep(POLL_MS);
    }
  };

  return {
    async kill(id) {
      checkId(id);
      if (provider === 'postgresql') {
        const [r] = await c.query('SELECT pg_terminate_backend($1) AS killed', [id]);
        if ((r as { killed: unknown }).killed !== true) throw new Error(`pg_terminate_backend(${id}) found no session`);
      } else {
        // KILL takes no placeholder; the id is a checked integer.
        await c.execute(`KILL ${id}`);
      }
    },
    session,
    waitUntilRunning: (id, text) => until(`session ${id} runs ${text}`, async () => ((await session(id))?.running ?? '').includes(text)),
    async waitUntilGone(id) {
      await until(`session ${id} is gone`, async () => (await session(id)) === null);
      await sleep(SETTLE_MS);
    },
    close: () => c.close(),
  };
}

function checkId(id: number): void {
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`not a session id: ${id}`);
}
