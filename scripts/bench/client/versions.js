// Versions of the packages the bench measures, read from their package.json files.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The version of `pkg` as resolved from `require`'s folder ('unknown' when it cannot be read). */
export function packageVersion(require, pkg) {
  // Walk up from the entry point: not every package exports its package.json.
  let dir;
  try {
    dir = dirname(require.resolve(pkg));
  } catch {
    return 'not installed';
  }
  for (;;) {
    try {
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (json.name === pkg) return json.version;
    } catch {}
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

/** Versions of the ORMs measured on every provider. */
export function ormVersions() {
  const require = createRequire(import.meta.url);
  return { kysely: packageVersion(require, 'kysely'), 'drizzle-orm': packageVersion(require, 'drizzle-orm') };
}
