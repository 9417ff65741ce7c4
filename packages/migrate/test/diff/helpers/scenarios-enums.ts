import { rows, type Scenario } from './migrate.js';
import { count, exec, fails } from './scenario-sql.js';

/* Schema pairs that change enums: named types on PostgreSQL, column types on MySQL, CHECKs on SQLite. */

const ENUMS_V1 = `
enum Status {
  DRAFT
  LIVE
  HIDDEN
}

enum Legacy {
  A
  B
}

model Item {
  id     Int      @id
  status Status   @default(DRAFT)
  old    Legacy?
  tags   Status[]

  @@map("items")
}
`;

const ENUMS_V2 = `
enum State {
  DRAFT
  LIVE
  ARCHIVED

  @@renamedFrom("Status")
}

enum Color {
  RED
  BLUE
}

model Item {
  id     Int     @id
  status State   @default(ARCHIVED)
  tags   State[]
  color  Color   @default(BLUE)

  @@map("items")
}
`;

/**
 * PostgreSQL enum types: renamed, a value removed (the type is recreated, columns and a list
 * column converted) and one added and used as a default in the same migration, a type created,
 * one dropped with the only column that used it.
 */
export const pgEnums: Scenario = {
  title: 'enum types renamed, recreated without a value, given a value used at once, created and dropped',
  providers: ['postgresql'],
  v1: ENUMS_V1,
  v2: ENUMS_V2,
  async seed(db) {
    await exec(db, "INSERT INTO items (id, status, old, tags) VALUES (1, 'LIVE', 'A', ARRAY['DRAFT', 'LIVE']::\"Status\"[]), (2, 'DRAFT', NULL, NULL)");
  },
  async checkV2(db) {
    expect(await rows(db, 'SELECT id, status::text AS status, tags::text AS tags, color::text AS color FROM items ORDER BY id')).toEqual([
      { id: 1, status: 'LIVE', tags: '{DRAFT,LIVE}', color: 'BLUE' },
      { id: 2, status: 'DRAFT', tags: null, color: 'BLUE' },
    ]);
    await exec(db, 'INSERT INTO items (id) VALUES (3)');
    expect(await rows(db, 'SELECT status::text AS status FROM items WHERE id = 3')).toEqual([{ status: 'ARCHIVED' }]);
    await exec(db, 'DELETE FROM items WHERE id = 3');
  },
  async checkV1(db) {
    expect(await rows(db, 'SELECT id, status::text AS status, old, tags::text AS tags FROM items ORDER BY id')).toEqual([
      { id: 1, status: 'LIVE', old: null, tags: '{DRAFT,LIVE}' },
      { id: 2, status: 'DRAFT', old: null, tags: null },
    ]);
    await exec(db, "INSERT INTO items (id, old) VALUES (3, 'B')");
  },
  // HIDDEN goes and ARCHIVED comes: it could be a rename.
  warnings: ['K8004'],
};

const ENUM_VALUES_V1 = `
enum Plan {
  FREE
  PRO
  LEGACY
}

model Account {
  id   Int  @id
  plan Plan @default(FREE)

  @@map("accounts")
}
`;

const ENUM_VALUES_V2 = `
enum Plan {
  FREE
  PREMIUM @renamedFrom("PRO") @map("premium")
  TEAM
}

model Account {
  id   Int  @id
  plan Plan @default(TEAM)

  @@map("accounts")
}
`;

/** Enum values renamed, added and removed, on every database (a type, a column type, a CHECK). */
export const enumValues: Scenario = {
  title: 'enum values renamed (rows follow), added (and used as the default) and removed',
  v1: ENUM_VALUES_V1,
  v2: ENUM_VALUES_V2,
  async seed(db) {
    await exec(db, "INSERT INTO accounts (id, plan) VALUES (1, 'PRO'), (2, 'FREE'), (3, 'PRO')");
  },
  async checkV2(db, provider) {
    const plan = provider === 'postgresql' ? 'plan::text AS plan' : 'plan';
    expect(await rows(db, `SELECT id, ${plan} FROM accounts ORDER BY id`)).toEqual([
      { id: 1, plan: 'premium' },
      { id: 2, plan: 'FREE' },
      { id: 3, plan: 'premium' },
    ]);
    await exec(db, 'INSERT INTO accounts (id) VALUES (4)');
    expect(await rows(db, `SELECT ${plan} FROM accounts WHERE id = 4`)).toEqual([{ plan: 'TEAM' }]);
    await fails(db, "INSERT INTO accounts (id, plan) VALUES (5, 'LEGACY')");
    await exec(db, 'DELETE FROM accounts WHERE id = 4');
  },
  async checkV1(db, provider) {
    const plan = provider === 'postgresql' ? 'plan::text AS plan' : 'plan';
    expect(await rows(db, `SELECT id, ${plan} FROM accounts ORDER BY id`)).toEqual([
      { id: 1, plan: 'PRO' },
      { id: 2, plan: 'FREE' },
      { id: 3, plan: 'PRO' },
    ]);
    await exec(db, "INSERT INTO accounts (id, plan) VALUES (5, 'LEGACY')");
  },
  // LEGACY goes and TEAM comes: it could be a rename.
  warnings: ['K8004'],
};

const ADD_VALUE_V1 = `
enum Level {
  LOW
  HIGH
}

model Task {
  id    Int   @id
  level Level @default(LOW)

  @@map("tasks")
}
`;

const ADD_VALUE_V2 = `
enum Level {
  LOW
  MEDIUM
  HIGH
  CRITICAL
}

model Task {
  id    Int   @id
  level Level @default(MEDIUM)
  floor Level @default(CRITICAL)

  @@map("tasks")
}
`;

/** Values only added, and used at once (a default, a new column's default): PostgreSQL runs ADD VALUE outside the transaction. */
export const addValues: Scenario = {
  title: 'enum values only added, and used in the same migration',
  v1: ADD_VALUE_V1,
  v2: ADD_VALUE_V2,
  async seed(db) {
    await exec(db, "INSERT INTO tasks (id, level) VALUES (1, 'HIGH')");
  },
  async checkV2(db, provider) {
    const text = (c: string) => (provider === 'postgresql' ? `${c}::text AS ${c}` : c);
    await exec(db, 'INSERT INTO tasks (id) VALUES (2)');
    expect(await rows(db, `SELECT id, ${text('level')}, ${text('floor')} FROM tasks ORDER BY id`)).toEqual([
      { id: 1, level: 'HIGH', floor: 'CRITICAL' },
      { id: 2, level: 'MEDIUM', floor: 'CRITICAL' },
    ]);
    await exec(db, 'DELETE FROM tasks WHERE id = 2');
  },
  async checkV1(db) {
    expect(await count(db, "SELECT COUNT(*) FROM tasks WHERE level = 'HIGH'")).toBe(1);
  },
};

