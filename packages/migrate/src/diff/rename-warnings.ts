import type { Column, EnumType, QualifiedName, SchemaTable } from '../changes/database-objects.js';
import type { RenameDecision } from './rename-decisions.js';

/**
 * A plan decision the author should look at: a drop/add pair that looks like a rename, or a
 * rename that was asked for and could not be made. The plan is still complete and correct for
 * what the schemas say; the warning says which hint turns the drop/add into a rename.
 */
export interface RenameWarning {
  /** A stable code of the K8xxx range (docs/migrate.md, "Warnings"). */
  code: string;
  message: string;
  /** What to add to the schema, e.g. `add @renamedFrom("handle") to field slug of model Membership`; empty when there is nothing to add. */
  hint: string;
}

/** The warning codes. A code keeps its meaning once published; new warnings get new codes. */
export const WARNING_CODES = {
  /** A column dropped and another added in one table, with the same type. */
  columnLooksRenamed: 'K8001',
  /** A table dropped and another created, with the same columns. */
  tableLooksRenamed: 'K8002',
  /** An enum type dropped and another created, with the same values. */
  enumLooksRenamed: 'K8003',
  /** An enum value removed and another added, in one enum. */
  enumValueLooksRenamed: 'K8004',
  /** A rename decision passed in `options.renames` names something that does not exist. */
  renameNotApplied: 'K8005',
  /** Rename hints that swap names, against a side read from a database, which cannot say whether the swap already ran. */
  hintSwapNotApplied: 'K8006',
} as const;

const qn = (n: QualifiedName) => JSON.stringify(n.schema === null ? n.name : `${n.schema}.${n.name}`);

/** The schema name of a table's model, or its table name when it has none. */
function modelName(t: SchemaTable): string {
  return t.table.origin.kind === 'model' ? t.table.origin.model : t.table.name.name;
}

function enumName(e: EnumType): string {
  return e.origin.kind === 'enum' ? e.origin.enum : e.name.name;
}

export function columnLooksRenamed(table: SchemaTable, dropped: Column, added: Column, others: number): RenameWarning {
  const oldName = dropped.field ?? dropped.name;
  const target =
    added.field !== undefined && table.table.origin.kind === 'model'
      ? `field ${added.field} of model ${table.table.origin.model}`
      : `column ${JSON.stringify(added.name)} of table ${qn(table.table.name)}`;
  const hint = `add @renamedFrom(${JSON.stringify(oldName)}) to ${target}`;
  const more = others > 0 ? ` (${others} other dropped column${others === 1 ? '' : 's'} of the table ${others === 1 ? 'has' : 'have'} the same type)` : '';
  return {
    code: WARNING_CODES.columnLooksRenamed,
    message:
      `Column ${JSON.stringify(dropped.name)} of table ${qn(table.table.name)} is dropped and column ${JSON.stringify(added.name)} is added with the same type${more}. ` +
      `The plan drops the column and its data; if it is a rename, ${hint}.`,
    hint,
  };
}

export function tableLooksRenamed(dropped: SchemaTable, created: SchemaTable): RenameWarning {
  const target = created.table.origin.kind === 'model' ? `model ${created.table.origin.model}` : `the model of table ${qn(created.table.name)}`;
  const hint = `add @@renamedFrom(${JSON.stringify(modelName(dropped))}) to ${target}`;
  return {
    code: WARNING_CODES.tableLooksRenamed,
    message:
      `Table ${qn(dropped.table.name)} is dropped and table ${qn(created.table.name)} is created with the same columns. ` +
      `The plan drops the table and its rows; if it is a rename, ${hint}.`,
    hint,
  };
}

export function enumLooksRenamed(dropped: EnumType, created: EnumType): RenameWarning {
  const hint = `add @@renamedFrom(${JSON.stringify(enumName(dropped))}) to enum ${enumName(created)}`;
  return {
    code: WARNING_CODES.enumLooksRenamed,
    message: `Enum ${qn(dropped.name)} is dropped and enum ${qn(created.name)} is created with the same values. The plan drops and creates the type; if it is a rename, ${hint}.`,
    hint,
  };
}

export function enumValueLooksRenamed(e: EnumType, removed: string, removedMember: string, added: string, addedMember: string): RenameWarning {
  const hint = `add @renamedFrom(${JSON.stringify(removedMember)}) to value ${addedMember} of enum ${enumName(e)}`;
  return {
    code: WARNING_CODES.enumValueLooksRenamed,
    message:
      `Enum ${qn(e.name)} loses the value ${JSON.stringify(removed)} and gains ${JSON.stringify(added)}. ` +
      `Rows holding ${JSON.stringify(removed)} make the migration fail; if it is a rename, ${hint}.`,
    hint,
  };
}

export function renameNotApplied(decision: RenameDecision): RenameWarning {
  const what =
    decision.kind === 'table' || decision.kind === 'enum'
      ? `${decision.kind} ${qn(decision.from)} to ${qn(decision.to)}`
      : decision.kind === 'column'
        ? `column ${JSON.stringify(decision.from)} to ${JSON.stringify(decision.to)} in table ${qn(decision.table)}`
        : `value ${JSON.stringify(decision.from)} to ${JSON.stringify(decision.to)} of enum ${qn(decision.enum)}`;
  return {
    code: WARNING_CODES.renameNotApplied,
    message: `The rename of ${what} was asked for, but one of the two does not exist (or is already matched by name); it is ignored.`,
    hint: '',
  };
}

/**
 * Hints that swap names (`a @renamedFrom("b")`, `b @renamedFrom("a")`) while the "from" side was
 * read from a database: after the swap ran, the database looks the same as before it, so the
 * plan cannot tell whether to swap. `what` names the objects, e.g. `columns "a" and "b" of table "T"`.
 */
export function hintSwapNotApplied(what: string): RenameWarning {
  return {
    code: WARNING_CODES.hintSwapNotApplied,
    message:
      `The rename hints of ${what} swap their names, but the other side was read from a database, where a swap that already ran looks ` +
      'like one still to run; the plan does not swap them. Plan the swap from the previous schema (kiln migrate dev), or pass the renames ' +
      'as decisions, and remove the hints once it ran.',
    hint: '',
  };
}
