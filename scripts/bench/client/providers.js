// The providers the client bench runs on, in the order `--provider all` runs them. Each module
// (<provider>/database.js) exports:
//   name, title, baseline (the contender whose median is 1.00×), baselineLabel,
//   contenders: [{ name, open(database) → adapter }]  (Kiln is added by the runner),
//   unavailable() → null, or why the database cannot be reached (the provider is then skipped),
//   createDatabase() → { url?, path?, kilnUrl, pool?, where, settings, counts, remove() },
//   openAdmin(database) → the harness's own connection (read-back and cleanup; async methods),
//   versions() → { server, driver }, context(database) → { data, lines } printed with the table,
//   rawBar(workload) → the ratio to the baseline Kiln should stay within, or null.

export const PROVIDERS = ['sqlite', 'postgresql', 'mysql'];

export async function loadProvider(name) {
  if (!PROVIDERS.includes(name)) throw new Error(`unknown provider "${name}" (known: ${PROVIDERS.join(', ')}, all)`);
  return import(`./${name}/database.js`);
}
