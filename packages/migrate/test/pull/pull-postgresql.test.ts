import { serverAvailable } from '../helpers/databases.js';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { pullStatements } from './helpers/pull-database.js';

/*
 * `db pull` of a PostgreSQL database written by hand: an enum type with a name to map, identity
 * and serial keys, native types, arrays, a cascading foreign key, a one-to-one on the primary
 * key, a check, a view. pullStatements checks that the text analyzes cleanly and that planning
 * from the database to it changes nothing; these tests check what the text says.
 */

const available = await serverAvailable('postgresql');
const d = available ? describe : describe.skip;

const STATEMENTS = [
  `CREATE TYPE "order_status" AS ENUM ('new', 'paid', 'shipped out')`,
  `CREATE TABLE "customers" ("id" serial PRIMARY KEY, "email" text UNIQUE, "name" varchar(100) NOT NULL,
     "created_at" timestamptz NOT NULL DEFAULT now(), "tags" text[] DEFAULT '{}', "meta" jsonb, "ratio" real DEFAULT 0.5)`,
  `CREATE TABLE "orders" ("id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     "customer_id" integer NOT NULL REFERENCES "customers" ("id") ON DELETE CASCADE,
     "status" "order_status" NOT NULL DEFAULT 'shipped out', "total" numeric(12,2) NOT NULL DEFAULT 0 CHECK ("total" >= 0),
     "placed_at" timestamp(3) DEFAULT CURRENT_TIMESTAMP, "ref" uuid NOT NULL DEFAULT gen_random_uuid())`,
  `CREATE INDEX "orders_customer" ON "orders" ("customer_id", "placed_at" DESC)`,
  `CREATE TABLE "profiles" ("customer_id" integer PRIMARY KEY REFERENCES "customers" ("id"), "bio" text)`,
  `CREATE VIEW "big_orders" AS SELECT "id", "total" FROM "orders" WHERE "total" > 100`,
];

d('db pull of a hand-written PostgreSQL database', () => {
  test(
    'maps names, keeps native types and database defaults, and relates the tables',
    async () => {
      const pulled = await pullStatements('postgresql', STATEMENTS);
      expect(pulled.warnings).toEqual([]);
      const block = (name: string) => {
        const m = new RegExp(`^(?:model|view|enum) ${name} \\{[^]*?^\\}`, 'm').exec(pulled.text);
        if (m === null) throw new Error(`no block ${name} in:\n${pulled.text}`);
        return m[0];
      };
      expect(block('OrderStatus')).toBe('enum OrderStatus {\n  new\n  paid\n  shipped_out @map("shipped out")\n\n  @@map("order_status")\n}');
      expect(block('Orders')).toContain('  id         BigInt      @id @default(autoincrement())\n');
      expect(block('Orders')).toContain('  status     OrderStatus @default(shipped_out)\n');
      expect(block('Orders')).toContain('  total      Decimal     @default(0) @db.Decimal(12, 2)\n');
      expect(block('Orders')).toContain('  ref        String      @default(dbgenerated("gen_random_uuid()")) @db.Uuid\n');
      expect(block('Orders')).toContain('  customer   Customers   @relation(fields: [customerId], references: [id], onDelete: Cascade, onUpdate: NoAction)\n');
      expect(block('Orders')).toContain('  @@index([customerId, placedAt(sort: Desc)], map: "orders_customer")\n');
      expect(block('Orders')).toContain('  @@check("total >= (0)::numeric", name: "orders_total_check")\n');
      expect(block('Customers')).toContain('  createdAt DateTime  @default(now()) @map("created_at") @db.Timestamptz\n');
      expect(block('Customers')).toContain('  tags      String[]  @default([])\n');
      expect(block('Customers')).toContain('  profiles  Profiles?\n');
      expect(block('BigOrders')).toContain('@@sql("SELECT orders.id,\\n    orders.total\\n   FROM orders\\n  WHERE (orders.total > (100)::numeric)")');
      expect(pulled.ir.relations.map((r) => [r.kind, r.from.model, r.to.model])).toEqual([
        ['oneToMany', 'Orders', 'Customers'],
        ['oneToOne', 'Profiles', 'Customers'],
      ]);
    },
    DB_TIMEOUT,
  );
});
