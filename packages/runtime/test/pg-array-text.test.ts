import { parsePgArrayText } from '../src/dialects/postgres/pg-array-text.js';

describe('parsePgArrayText (enum lists arrive as array text)', () => {
  test('plain, quoted, escaped and NULL elements', () => {
    expect(parsePgArrayText('{}')).toEqual([]);
    expect(parsePgArrayText("{h'appy,SAD}")).toEqual(["h'appy", 'SAD']);
    expect(parsePgArrayText('{"a b","q\\"u","back\\\\slash",NULL,"NULL",""}')).toEqual(['a b', 'q"u', 'back\\slash', null, 'NULL', '']);
    expect(parsePgArrayText('{"x,y",z}')).toEqual(['x,y', 'z']);
  });

  test('anything else is refused', () => {
    expect(() => parsePgArrayText('a,b')).toThrow(/array literal/);
  });
});
