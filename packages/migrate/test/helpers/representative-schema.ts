import type { Provider } from '@kiln/schema';
import { datasource } from './examples.js';

/**
 * A small schema that touches each kind of change and each column feature the renderers
 * handle: an enum with a mapped value, autoincrement and client-generated ids, mapped tables
 * and columns, literal and now() defaults, @updatedAt, Decimal, BigInt, Float and Json, a
 * compound index, a check, a cascading relation, an implicit m:n relation and a view.
 */
export function representativeSchema(provider: Provider): string {
  return `${datasource(provider)}
enum Role {
  USER
  ADMIN @map("admin")
}

model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique
  name      String?
  role      Role     @default(ADMIN)
  balance   Decimal  @default(0)
  settings  Json?
  createdAt DateTime @default(now()) @map("created_at")
  updatedAt DateTime @updatedAt
  posts     Post[]

  @@map("users")
}

model Post {
  id       String @id @default(cuid())
  title    String @default("it's")
  score    Float  @default(1.5)
  views    BigInt @default(0)
  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade)
  authorId Int    @map("author_id")
  tags     Tag[]

  @@index([authorId, title])
  @@check("score >= 0")
  @@map("posts")
}

model Tag {
  name  String @id
  posts Post[]
}

view PostCount {
  authorId  Int    @unique @map("author_id")
  postCount BigInt @map("post_count")

  @@sql("SELECT author_id, COUNT(*) AS post_count FROM posts GROUP BY author_id")
}
`;
}
