/** A SQLite schema from model and enum blocks, with the datasource block every schema needs. */
export function sqliteSchema(body: string): string {
  return `datasource db {\n  provider = "sqlite"\n  url      = "file:./unused.db"\n}\n\n${body}\n`;
}
