import type { Column, EnumType, QualifiedName, SchemaTable } from '../changes/database-objects.js';

/**
 * A rename the planner made (or was told to make). Names are database names. A column's
 * `table` and an enum value's `enum` are the names on the "to" side, after any rename of the
 * table or enum itself.
 */
export type RenameDecision =
  | { kind: 'table'; from: QualifiedName; to: QualifiedName }
  | { kind: 'column'; table: QualifiedName; from: string; to: string }
  | { kind: 'enum'; from: QualifiedName; to: QualifiedName }
  | { kind: 'enumValue'; enum: QualifiedName; from: string; to: string };

/**
 * A dropped and an added object that look like one renamed, with no hint saying so. A
 * `resolveRename` callback (drizzle-kit's resolver) decides: true renames, false drops and adds
 * (with a warning). A prompt, a command-line flag and a test can all answer it.
 */
export type RenameCandidate =
  | { kind: 'table'; from: SchemaTable; to: SchemaTable }
  | { kind: 'column'; table: QualifiedName; from: Column; to: Column }
  | { kind: 'enum'; from: EnumType; to: EnumType }
  | { kind: 'enumValue'; enum: QualifiedName; from: string; to: string };

export const sameName = (a: QualifiedName, b: QualifiedName): boolean => a.schema === b.schema && a.name === b.name;

/**
 * The decisions that undo `decisions`: pass them to the plan in the other direction
 * (`planMigration(to, from, { renames: invertRenames(plan.renames) })`) so that the down
 * migration renames back instead of dropping and adding.
 */
export function invertRenames(decisions: readonly RenameDecision[]): RenameDecision[] {
  // A column's table (and a value's enum) is named as on the "to" side; in the inverse the
  // "to" side is the old one, so it takes the table's (enum's) old name.
  const oldTable = (name: QualifiedName): QualifiedName =>
    decisions.find((d): d is Extract<RenameDecision, { kind: 'table' }> => d.kind === 'table' && sameName(d.to, name))?.from ?? name;
  const oldEnum = (name: QualifiedName): QualifiedName =>
    decisions.find((d): d is Extract<RenameDecision, { kind: 'enum' }> => d.kind === 'enum' && sameName(d.to, name))?.from ?? name;
  return decisions.map((d): RenameDecision => {
    switch (d.kind) {
      case 'table':
        return { kind: 'table', from: d.to, to: d.from };
      case 'enum':
        return { kind: 'enum', from: d.to, to: d.from };
      case 'column':
        return { kind: 'column', table: oldTable(d.table), from: d.to, to: d.from };
      case 'enumValue':
        return { kind: 'enumValue', enum: oldEnum(d.enum), from: d.to, to: d.from };
    }
  });
}
