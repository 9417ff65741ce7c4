import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface SchemaSource {
  /** The path shown in diagnostics (relative to the working directory when possible). */
  path: string;
  text: string;
}

const SCHEMA_FILE = /\.(schema|prisma)$/;

/**
 * Reads a schema: one file, or a folder whose `.schema` and `.prisma` files (recursively, in
 * sorted order so the IR is deterministic) are merged into one schema.
 */
export function readSchemaSources(path: string, cwd: string = process.cwd()): SchemaSource[] {
  const show = (p: string) => {
    const r = relative(cwd, p);
    return r && !r.startsWith('..') ? r : p;
  };
  if (!statSync(path).isDirectory()) return [{ path: show(path), text: readFileSync(path, 'utf8') }];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'migrations' && !entry.name.startsWith('.')) walk(full);
      } else if (SCHEMA_FILE.test(entry.name)) files.push(full);
    }
  };
  walk(path);
  return files.map((f) => ({ path: show(f), text: readFileSync(f, 'utf8') }));
}
