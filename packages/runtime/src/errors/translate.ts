import type { DriverErrorInfo } from '../driver/driver-error.js';
import type { RuntimeDialect } from '../dialects/runtime-dialect.js';
import type { ModelInfo, SchemaInfo } from '../query/model-info.js';
import {
  KilnCheckConstraintError,
  KilnConnectionClosedError,
  KilnConnectionError,
  KilnError,
  KilnForeignKeyError,
  KilnNullConstraintError,
  KilnTimeoutError,
  KilnUniqueConstraintError,
  KilnWriteConflictError,
} from './kiln-error.js';

/**
 * A driver error as a typed Kiln error naming the model and fields. Columns are mapped back to
 * field names through the schema; an error the dialect does not recognise passes through.
 */
export function translateDriverError(error: unknown, hooks: RuntimeDialect, info: SchemaInfo, model: ModelInfo | undefined): unknown {
  if (error instanceof KilnError) return error;
  const c = hooks.classifyError(error);
  if (!c) return error;
  const cause = { cause: error };
  switch (c.kind) {
    case 'unique':
    case 'foreignKey':
    case 'notNull': {
      const constraint = 'constraint' in c ? c.constraint : null;
      // MySQL names neither the table nor the columns of a duplicate key, only the key: find
      // its model by the key's name when the call has no model (raw queries).
      const owner = (c.table ? info.modelByTable(c.table) : undefined) ?? model ?? (constraint ? info.modelByConstraint(constraint) : undefined);
      let fields = c.columns.map((col) => fieldOf(owner, col));
      if (fields.length === 0 && constraint && owner) fields = fieldsOfConstraint(owner, constraint);
      if (fields.length === 0 && c.kind === 'unique' && c.primaryKey && owner) fields = [...owner.model.primaryKey];
      const name = owner?.name;
      if (c.kind === 'unique') return new KilnUniqueConstraintError(name, fields, cause);
      if (c.kind === 'foreignKey') return new KilnForeignKeyError(name, fields, cause);
      return new KilnNullConstraintError(name, fields, cause);
    }
    case 'check':
      return new KilnCheckConstraintError(model?.name, c.constraint, cause);
    case 'writeConflict':
      return new KilnWriteConflictError(c.message, model?.name, cause);
    case 'connection':
    case 'closed':
    case 'timeout':
      return sessionError(c, error);
  }
}

/**
 * An error of a driver's own statement, outside any model's (BEGIN, COMMIT, taking a pooled
 * connection), as a Kiln error when it is about the connection or the transaction: a lost
 * connection, a timeout, a serialization failure at COMMIT. A constraint error passes through.
 */
export function translateSessionError(error: unknown, classify: (error: unknown) => DriverErrorInfo | null): unknown {
  if (error instanceof KilnError) return error;
  const c = classify(error);
  if (!c) return error;
  switch (c.kind) {
    case 'unique':
    case 'foreignKey':
    case 'notNull':
    case 'check':
      return error;
    case 'writeConflict':
      return new KilnWriteConflictError(c.message, undefined, { cause: error });
    case 'connection':
    case 'closed':
    case 'timeout':
      return sessionError(c, error);
  }
}

type SessionErrorInfo = Extract<DriverErrorInfo, { kind: 'connection' | 'closed' | 'timeout' }>;

function sessionError(c: SessionErrorInfo, error: unknown): KilnError {
  const cause = { cause: error };
  switch (c.kind) {
    case 'connection':
      return new KilnConnectionError(c.message, cause);
    case 'closed':
      return new KilnConnectionClosedError(c.message, cause);
    case 'timeout':
      return new KilnTimeoutError(c.message, cause);
  }
}

function fieldOf(model: ModelInfo | undefined, column: string): string {
  if (!model) return column;
  for (const c of model.columns.values()) if (c.field.column === column) return c.field.name;
  return column;
}

/** Fields of a unique key or foreign key known by its database name (PostgreSQL, MySQL report names). */
function fieldsOfConstraint(model: ModelInfo, constraint: string): string[] {
  return model.fieldsOfConstraint(constraint) ?? [];
}
