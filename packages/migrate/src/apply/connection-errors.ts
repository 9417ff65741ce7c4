/** The database could not be reached or refused the connection (server down, bad password, no such database). */
export class DatabaseConnectionError extends Error {
  override readonly name = 'DatabaseConnectionError';

  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** The driver package for the database is not installed in the project. */
export class DriverNotInstalledError extends Error {
  override readonly name = 'DriverNotInstalledError';

  constructor(
    readonly driver: string,
    readonly database: string,
  ) {
    super(`Connecting to ${database} needs the "${driver}" package, which is not installed. Add it to your project: npm install ${driver}`);
  }
}

/**
 * Imports a driver on first use, so that a project using one database does not install the
 * others. Only a missing driver becomes DriverNotInstalledError; an error inside it is rethrown.
 */
export async function importDriver<T>(load: () => Promise<T>, driver: string, database: string): Promise<T> {
  try {
    return await load();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && String((err as Error).message).includes(driver)) {
      throw new DriverNotInstalledError(driver, database);
    }
    throw err;
  }
}

/**
 * The message of anything thrown. Duck-typed rather than `instanceof Error`: drivers' errors
 * may come from another realm (a VM context, a worker), and Node reports a refused connection
 * to a host with several addresses as an AggregateError with an empty message.
 */
export function errorMessage(err: unknown): string {
  if (typeof err !== 'object' || err === null) return String(err);
  const e = err as { message?: unknown; code?: unknown; errors?: unknown };
  if (typeof e.message === 'string' && e.message !== '') return e.message;
  if (Array.isArray(e.errors) && e.errors.length > 0) return errorMessage(e.errors[0]);
  return typeof e.code === 'string' ? e.code : String(err);
}
