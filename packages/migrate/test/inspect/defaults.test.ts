import type { Provider } from '@kiln/schema';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { availableProviders } from '../helpers/databases.js';
import { datasource, irOf } from '../helpers/examples.js';
import { checkPull } from '../pull/helpers/pull-examples.js';
import { checkInspection } from './helpers/inspect-examples.js';

/*
 * Every kind of default reads back as the ColumnDefault the IR gave it, on every database, and
 * db pull writes it back as the same @default: literals with quotes, backslashes and unicode,
 * negative and big numbers, booleans, enum values with @map, a DateTime instant, now(), Json,
 * Bytes and an expression.
 */

const providers = await availableProviders();

const TRICKY = String.raw`it's "quoted" \ back\slash -- /* not a comment */`;
const schemaString = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

// MariaDB keeps column metadata in utf8mb3, which has no characters outside the BMP: an emoji
// in a default reads back as "?" there (docs/introspection.md), so only the others get one.
const schema = (provider: Provider) => `${datasource(provider)}
enum Mood {
  HAPPY
  SAD   @map("so sad 'really'")
}

model Defaults {
  id      Int      @id @default(autoincrement())
  tricky  String   @default(${schemaString(TRICKY)})
  unicode String   @default("żółć ✓${provider === 'mysql' ? '' : ' 🚀'}")
  empty   String   @default("")
  int     Int      @default(-42)
  big     BigInt   @default(9007199254740993)
  float   Float    @default(-1.5)
  dec     Decimal  @default(12.345)
  flag    Boolean  @default(true)
  off     Boolean  @default(false)
  mood    Mood     @default(SAD)
  at      DateTime @default("2024-03-01T14:34:56.789+02:00")
  now     DateTime @default(now())
  json    Json     @default(${schemaString(`{"a": [1, "x'y"], "b": "back\\\\slash"}`)})
  bytes   Bytes    @default("aGVsbG8=")
  expr    Int      @default(dbgenerated("(1 + 2)"))
  maybe   String?
}
`;

describe('defaults', () => {
  (providers.length > 0 ? test.each(providers) : test.skip.each(['none']))(
    'read back as the IR wrote them on %s',
    async (p) => {
      await checkInspection(p as Provider, irOf(schema(p as Provider)));
    },
    DB_TIMEOUT,
  );

  (providers.length > 0 ? test.each(providers) : test.skip.each(['none']))(
    'are written back by db pull on %s',
    async (p) => {
      const text = await checkPull(p as Provider, irOf(schema(p as Provider)));
      expect(text).toContain(`@default(${schemaString(TRICKY)})`);
      expect(text).toContain('@default("2024-03-01T12:34:56.789Z")');
      expect(text).toContain('@default(so_sad_really)');
    },
    DB_TIMEOUT * 2,
  );
});
