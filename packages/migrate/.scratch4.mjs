import { planMigration, describeChange } from './build/src/index.js';
import { dbOf } from './build/test/diff/helpers/migrate.js';
const v1 = `
model T {
  id Int    @id
  a  String
  b  Int
}
view A {
  a String @unique
  @@sql("SELECT a FROM \\"T\\"")
}
view B {
  a String @unique
  @@sql("SELECT a FROM \\"A\\"")
}
`;
const v2 = v1.replace('SELECT a FROM \\"T\\"', 'SELECT a FROM \\"T\\" WHERE b > 0');
const a = dbOf('mysql', v1), b = dbOf('mysql', v2);
console.log(a.views, b.views);
console.log(planMigration(a, b, {provider:'mysql'}).changes.map(describeChange));
