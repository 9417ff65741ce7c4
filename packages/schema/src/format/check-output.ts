import type { IToken } from 'chevrotain';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { parseSchemaFile } from '../parser/parse-file.js';
import { schemaLexer } from '../parser/tokens.js';

/**
 * A last line of defence: the formatted text must parse without errors and hold the same
 * comments as the input. Returns what went wrong, or `null` when the output is safe to use.
 */
export function checkOutput(input: string, output: string, path: string): string | null {
  if (hasErrors(parseSchemaFile(path, output).diagnostics)) return 'its output would not parse';
  const before = commentCensus(input);
  const after = commentCensus(output);
  if (before.length !== after.length || before.some((c, i) => c !== after[i])) {
    return 'its output would not keep every comment';
  }
  return null;
}

/**
 * Every comment of a text, sorted, in a form that ignores what formatting may change: trailing
 * whitespace, and the optional space after `///` (doc lines are printed as `/// text`).
 */
function commentCensus(text: string): string[] {
  const comments = (schemaLexer.tokenize(text).groups.comments ?? []) as IToken[];
  return comments
    .map((c) => {
      const image = c.image.trimEnd();
      return image.startsWith('/// ') ? `///${image.slice(4)}` : image;
    })
    .sort();
}
