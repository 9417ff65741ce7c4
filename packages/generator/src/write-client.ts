import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { GeneratedClient } from './generate-client.js';

/**
 * Writes the generated files, creating folders as needed. A file whose content is unchanged is
 * not rewritten, so watchers and incremental builds see only real changes. Returns the paths
 * written.
 */
export function writeClient(client: GeneratedClient): string[] {
  const written: string[] = [];
  for (const file of client.files) {
    let current: string | null = null;
    try {
      current = readFileSync(file.path, 'utf8');
    } catch {
      current = null;
    }
    if (current === file.content) continue;
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.content);
    written.push(file.path);
  }
  return written;
}
