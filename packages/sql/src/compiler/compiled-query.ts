/**
 * The output of a compile. `parameters[i]` is the `value` of the i-th placeholder in `sql`,
 * by reference, in text order. The SQL text depends only on the tree's shape (node kinds,
 * identifiers, operators, list lengths), never on parameter values, so it can be cached by
 * shape and re-bound: build the tree once with marker objects as parameter values, then map
 * `parameters` to real values for each execution.
 */
export interface CompiledQuery {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}
