import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { REPO_ROOT } from './repo.js';

/** Golden files are (re)written only when this is set; otherwise they are compared. */
export const UPDATING_GOLDEN = process.env.UPDATE_GOLDEN === '1';

export type GoldenResult =
  | { kind: 'written'; path: string }
  | { kind: 'missing'; path: string; message: string }
  | { kind: 'compare'; path: string; expected: string };

/**
 * With `UPDATE_GOLDEN=1`, writes `actual` to `path` (creating folders) and reports it written.
 * Otherwise returns the stored text to compare against, or `missing` with a message that says
 * how to create it. The caller does the comparison, so jest shows its own diff.
 */
export function golden(path: string, actual: string): GoldenResult {
  if (UPDATING_GOLDEN) {
    mkdirSync(dirname(path), { recursive: true });
    if (!existsSync(path) || readFileSync(path, 'utf8') !== actual) writeFileSync(path, actual);
    return { kind: 'written', path };
  }
  if (!existsSync(path)) {
    return {
      kind: 'missing',
      path,
      message: `Golden file ${relative(REPO_ROOT, path)} does not exist. Run \`UPDATE_GOLDEN=1 pnpm test\` to create it, then review and commit it.`,
    };
  }
  return { kind: 'compare', path, expected: readFileSync(path, 'utf8') };
}
