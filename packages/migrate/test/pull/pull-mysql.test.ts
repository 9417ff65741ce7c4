import { serverAvailable } from '../helpers/databases.js';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { pullStatements } from './helpers/pull-database.js';

/*
 * `db pull` of a MySQL/MariaDB database written by hand: UNSIGNED keys, an inline ENUM, JSON
 * (LONGTEXT with a json_valid() CHECK on MariaDB), named keys and indexes, a prefix-length and a
 * FULLTEXT index, a check and a view. pullStatements checks that the text analyzes cleanly and
 * that planning from the database to it changes nothing.
 */

const available = await serverAvailable('mysql');
const d = available ? describe : describe.skip;

const STATEMENTS = [
  `CREATE TABLE customers (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(191) NOT NULL, name VARCHAR(100) NOT NULL DEFAULT '',
     status ENUM('active','banned') NOT NULL DEFAULT 'active', created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, meta JSON,
     UNIQUE KEY uq_email (email))`,
  `CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT, customer_id INT UNSIGNED NOT NULL, total DECIMAL(12,2) NOT NULL DEFAULT 0.00,
     status ENUM('active','banned') NULL, note TEXT, PRIMARY KEY (id), KEY idx_note (note(50)), FULLTEXT KEY ft_note (note),
     CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE, CONSTRAINT chk_total CHECK (total >= 0))`,
  'CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100',
];

d('db pull of a hand-written MySQL database', () => {
  test(
    'keeps UNSIGNED and the other native types, names the inline enum after its column, and relates the tables',
    async () => {
      const pulled = await pullStatements('mysql', STATEMENTS);
      expect(pulled.warnings).toEqual([]);
      expect(pulled.text).toContain('  id        Int      @id @default(autoincrement()) @db.UnsignedInt\n');
      expect(pulled.text).toContain('  email     String   @unique(map: "uq_email")\n');
      expect(pulled.text).toContain('  status    Status   @default(active)\n');
      expect(pulled.text).toContain('  createdAt DateTime @default(now()) @map("created_at") @db.Timestamp(0)\n');
      expect(pulled.text).toContain('  meta      Json?\n');
      expect(pulled.text).toContain('  @@index([note(length: 50)], map: "idx_note")\n');
      expect(pulled.text).toContain('  @@fulltext([note], map: "ft_note")\n');
      expect(pulled.text).toContain('  @@check("`total` >= 0", name: "chk_total")\n');
      expect(pulled.text).toContain('onDelete: Cascade, onUpdate: Restrict, map: "fk_customer")');
      // Both ENUM('active','banned') columns use one enum.
      expect(pulled.enums).toEqual(['Status']);
      expect(pulled.text).toContain('  status     Status?\n');
      // A view's columns get no defaults, whatever the table's columns have.
      expect(pulled.text).toMatch(/view BigOrders \{\n {2}id {4}BigInt\n {2}total Decimal @db\.Decimal\(12, 2\)\n/);
    },
    DB_TIMEOUT,
  );
});
