/**
 * Every error the runtime raises on purpose is a KilnError with a stable `code`. Codes follow
 * Prisma's where a Prisma user would look for them (P2002 unique, P2003 foreign key, P2025 not
 * found, P2028 transaction), so existing error handling ports unchanged.
 */
export type KilnErrorCode =
  | 'P2002' // unique constraint
  | 'P2003' // foreign key constraint
  | 'P2004' // a constraint failed (CHECK)
  | 'P2011' // null constraint
  | 'P2025' // record not found
  | 'P2028' // transaction error (timeout, closed)
  | 'P2009' // invalid arguments
  | 'P2024' // timed out fetching a connection from the pool
  | 'P2034' // write conflict or deadlock: retry the transaction
  | 'P1001' // cannot reach the database
  | 'P1008' // operation timed out
  | 'P1017' // the server closed the connection
  | 'P2010'; // raw query failed

export class KilnError extends Error {
  override name = 'KilnError';
  constructor(
    readonly code: KilnErrorCode,
    message: string,
    /** The model involved, when there is one. */
    readonly model?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class KilnUniqueConstraintError extends KilnError {
  override name = 'KilnUniqueConstraintError';
  constructor(model: string | undefined, readonly fields: string[], options?: { cause?: unknown }) {
    super('P2002', `Unique constraint failed on ${describe(model, fields)}.`, model, options);
  }
}

export class KilnForeignKeyError extends KilnError {
  override name = 'KilnForeignKeyError';
  constructor(model: string | undefined, readonly fields: string[], options?: { cause?: unknown }) {
    super('P2003', `Foreign key constraint failed on ${describe(model, fields)}: the related record does not exist or is still referenced.`, model, options);
  }
}

/** A CHECK constraint failed (Prisma's P2004, "a constraint failed on the database"). */
export class KilnCheckConstraintError extends KilnError {
  override name = 'KilnCheckConstraintError';
  constructor(model: string | undefined, readonly constraint: string | null, options?: { cause?: unknown }) {
    super('P2004', `A check constraint failed${constraint ? ` (${constraint})` : ''}${model ? ` on model ${model}` : ''}.`, model, options);
  }
}

export class KilnNullConstraintError extends KilnError {
  override name = 'KilnNullConstraintError';
  constructor(model: string | undefined, readonly fields: string[], options?: { cause?: unknown }) {
    super('P2011', `Null constraint failed on ${describe(model, fields)}.`, model, options);
  }
}

export class KilnNotFoundError extends KilnError {
  override name = 'KilnNotFoundError';
  constructor(model: string, operation: string, detail = 'No record was found') {
    super('P2025', `${detail} for ${operation} on model ${model}.`, model);
  }
}

/** Arguments that do not fit the schema: names the model and the path inside the arguments. */
export class KilnValidationError extends KilnError {
  override name = 'KilnValidationError';
  constructor(model: string, readonly path: string, readonly problem: string) {
    super('P2009', `Invalid arguments for ${model} at \`${path}\`: ${problem}`, model);
  }
}

export class KilnTransactionError extends KilnError {
  override name = 'KilnTransactionError';
  constructor(message: string) {
    super('P2028', message);
  }
}

export class KilnConnectionError extends KilnError {
  override name = 'KilnConnectionError';
  constructor(message: string, options?: { cause?: unknown }, code: 'P1001' | 'P1017' = 'P1001') {
    super(code, message, undefined, options);
  }
}

/**
 * The server closed a connection that was open (Prisma's P1017): killed by an administrator
 * (`pg_terminate_backend`, `KILL`), a server restart, a dropped network. The statement that was
 * running failed, an open transaction on it is gone, and the pool has discarded the connection:
 * the next call runs on a fresh one.
 */
export class KilnConnectionClosedError extends KilnConnectionError {
  override name = 'KilnConnectionClosedError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(`Server has closed the connection: ${message}`, options, 'P1017');
  }
}

export class KilnTimeoutError extends KilnError {
  override name = 'KilnTimeoutError';
  constructor(message: string, options?: { cause?: unknown }, code: 'P1008' | 'P2024' = 'P1008') {
    super(code, message, undefined, options);
  }
}

/**
 * Every connection of the pool stayed in use for as long as a call may wait for one (Prisma's
 * P2024). Names the pool's size and the wait.
 */
export class KilnPoolTimeoutError extends KilnTimeoutError {
  override name = 'KilnPoolTimeoutError';
  constructor(
    readonly poolSize: number,
    /** Milliseconds the call waited. */
    readonly timeout: number,
    options?: { cause?: unknown },
  ) {
    super(
      `Timed out fetching a new connection from the connection pool (pool size ${poolSize}, waited ${timeout} ms): every connection stayed in use. ` +
        'Hold connections for less time, or raise `pool.max` (the URL\'s connection_limit) or the wait (`connectTimeout`; `maxWait` for a transaction).',
      options,
      'P2024',
    );
  }
}

/**
 * The database aborted the transaction to keep it serializable, or to break a deadlock (Prisma's
 * P2034): PostgreSQL's serialization_failure (40001) and deadlock_detected (40P01), MySQL's
 * ER_LOCK_DEADLOCK (1213). The whole transaction was rolled back; running it again is the remedy.
 */
export class KilnWriteConflictError extends KilnError {
  override name = 'KilnWriteConflictError';
  constructor(message: string, model?: string, options?: { cause?: unknown }) {
    super('P2034', `Transaction failed due to a write conflict or a deadlock. Please retry your transaction. (${message})`, model, options);
  }
}

export class KilnRawQueryError extends KilnError {
  override name = 'KilnRawQueryError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('P2010', `Raw query failed: ${message}`, undefined, options);
  }
}

function describe(model: string | undefined, fields: string[]): string {
  const list = fields.length ? `fields (${fields.map((f) => `\`${f}\``).join(', ')})` : '';
  if (model) return list ? `model ${model}, ${list}` : `model ${model}`;
  return list || 'a constraint the database did not name';
}
