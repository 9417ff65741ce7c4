import { describeChange, type Change } from '../changes/change.js';
import { errorMessage } from './connection-errors.js';

/**
 * A statement of a plan failed. Names the change and the statement, and says what was left
 * applied: nothing when the plan ran in a transaction, else the changes before this one.
 */
export class ApplyError extends Error {
  override readonly name = 'ApplyError';

  constructor(
    readonly change: Change,
    readonly statement: string,
    /** How many changes were applied before this one and remain applied. */
    readonly appliedChanges: number,
    /** Whether the changes before the failing one were rolled back. */
    readonly rolledBack: boolean,
    override readonly cause: unknown,
  ) {
    const reason = errorMessage(cause);
    const before = `The ${appliedChanges} change${appliedChanges === 1 ? '' : 's'} before it remain${appliedChanges === 1 ? 's' : ''} applied`;
    const left = rolledBack
      ? appliedChanges === 0
        ? 'Nothing was applied: the plan ran in a transaction that was rolled back.'
        : `${before} (a change that must run outside a transaction committed them); the rest was rolled back.`
      : `${before} (this database cannot roll DDL back).`;
    super(`${describeChange(change)} failed: ${reason}\n  in: ${statement}\n${left}`);
  }
}
