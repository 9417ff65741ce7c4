import { analyzeSchema } from '@kiln/schema';
import { planMigration, databaseSchemaFromIr, renderChanges, renderScript, invertRenames } from './build/src/index.js';
const ds = (p) => `datasource db {\n provider = "${p}"\n url = env("X")\n}\n`;
const v1 = `
enum Role {
 USER
 ADMIN
 GUEST
}
model User {
  id Int @id @default(autoincrement())
  email String @unique
  handle String
  role Role @default(USER)
  age Int?
  posts Post[]
  @@map("users")
}
model Post {
  id Int @id @default(autoincrement())
  title String
  author User @relation(fields: [authorId], references: [id])
  authorId Int
  @@index([title])
}
view UserCount {
  n Int @unique
  @@sql("SELECT COUNT(*) AS n FROM users")
}
`;
const v2 = `
enum Role {
 USER
 ADMINISTRATOR @renamedFrom("ADMIN")
 OWNER
}
model Person {
  id Int @id @default(autoincrement())
  email String @unique
  slug String @renamedFrom("handle")
  role Role @default(USER)
  age BigInt @default(0)
  bio String?
  posts Article[]
  @@map("people")
  @@renamedFrom("User")
}
model Article {
  id Int @id @default(autoincrement())
  title String
  author Person @relation(fields: [authorId], references: [id], onDelete: Cascade)
  authorId Int
  @@index([title])
  @@renamedFrom("Post")
}
view UserCount {
  n Int @unique
  @@sql("SELECT COUNT(*) AS n FROM people")
}
`;
const ir = (p, t) => { const r = analyzeSchema([{path:'x.schema', text: ds(p)+t}]); if (!r.ir) { console.log(r.diagnostics); throw new Error('bad'); } return databaseSchemaFromIr(r.ir); };
for (const p of process.argv.slice(2)) {
  const a = ir(p, v1), b = ir(p, v2);
  const plan = planMigration(a, b, { provider: p });
  console.log(`==== ${p}`, plan.warnings, JSON.stringify(plan.renames));
  console.log(renderScript(renderChanges(plan.changes, p)));
  const back = planMigration(b, a, { provider: p, renames: invertRenames(plan.renames) });
  console.log(`---- back`, back.warnings);
  console.log(renderScript(renderChanges(back.changes, p)));
}
