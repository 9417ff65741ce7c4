/** What a driver error means, independent of the database that raised it. */
export type DriverErrorInfo =
  | { kind: 'unique'; table: string | null; columns: string[]; constraint: string | null }
  | { kind: 'foreignKey'; table: string | null; columns: string[]; constraint: string | null }
  | { kind: 'notNull'; table: string | null; columns: string[] }
  | { kind: 'connection'; message: string }
  | { kind: 'timeout'; message: string };
