// How much of a call is the database file itself: the by-primary-key statement on raw
// better-sqlite3, against the benchmark file and against an in-memory copy of it. In rollback-
// journal mode every autocommit statement takes and releases the file's shared lock and checks
// the change counter (system calls); their cost varies a lot between machines (virtual machines
// make system calls dear), and it is part of raw's time, so it compresses every ratio.
// Reported for context only; nothing is adjusted by it.

import Database from 'better-sqlite3';

const SQL = `SELECT "id", "email", "name", "role", "created_at" AS "createdAt", "updated_at" AS "updatedAt" FROM "users" WHERE "id" = ?`;

export function statementFloor(path, calls = 20000) {
  const file = new Database(path, { readonly: true });
  const memory = new Database(file.serialize());
  const time = (db) => {
    const stmt = db.prepare(SQL);
    for (let i = 0; i < calls / 4; i++) stmt.get(1 + (i % 1000));
    const best = [];
    for (let round = 0; round < 5; round++) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < calls / 5; i++) stmt.get(1 + ((i * 7919) % 1000));
      best.push(Number(process.hrtime.bigint() - t0) / 1000 / (calls / 5));
    }
    return Math.min(...best);
  };
  const fileUs = time(file);
  const memoryUs = time(memory);
  file.close();
  memory.close();
  return { fileUs: Math.round(fileUs * 100) / 100, memoryUs: Math.round(memoryUs * 100) / 100 };
}
