import { names } from './lint-rules.js';
import { sameName, sameType, type TypeFacts, type TypeShape } from './type-facts.js';

/**
 * What happens to the stored values when a column changes from one type to another:
 *   same      nothing changes;
 *   keeps     every value has an equal value in the new type (widening, Int to String, Json to TEXT);
 *   narrows   the same kind of value with less room: some values are cut, rounded or rejected (L1005);
 *   converts  another kind of value, and some values do not convert (L1006);
 *   removesEnumValues  the same enum without some of its values (L4001).
 * `reason` completes "…: <reason>." in a message.
 */
export type Conversion =
  | { kind: 'same' }
  | { kind: 'keeps' }
  | { kind: 'narrows'; reason: string }
  | { kind: 'converts'; reason: string }
  | { kind: 'removesEnumValues'; removed: string[] };

const KEEPS: Conversion = { kind: 'keeps' };
const narrows = (reason: string): Conversion => ({ kind: 'narrows', reason });
const converts = (reason: string): Conversion => ({ kind: 'converts', reason });

type Of<F extends TypeShape['family']> = Extract<TypeFacts, { family: F }>;

export function typeConversion(from: TypeFacts, to: TypeFacts): Conversion {
  if (sameType(from, to)) return { kind: 'same' };
  if (from.list !== to.list) return converts(from.list ? 'a list does not convert to a single value' : 'a single value does not convert to a list');
  if (from.family === to.family) return SAME_FAMILY[from.family](from as never, to as never);
  if (to.family === 'text') return toText(from, to);
  return acrossFamilies(from, to);
}

const SAME_FAMILY: { [F in TypeShape['family']]: (from: Of<F>, to: Of<F>) => Conversion } = {
  text: (from, to) => lengthNarrowing(from.length, to.length, 'characters'),
  bytes: (from, to) => lengthNarrowing(from.length, to.length, 'bytes'),
  bits: (from, to) => lengthNarrowing(from.length, to.length, 'bits'),
  integer: (from, to) => {
    const outside = integerOverflow(integerRange(from), integerRange(to));
    return outside === null ? KEEPS : narrows(`${outside} do not fit`);
  },
  decimal: (from, to) => {
    if (to.precision === null) return KEEPS;
    const toScale = to.scale ?? 0;
    const toDigits = to.precision - toScale;
    if (from.precision === null) {
      return narrows(`values with more than ${toDigits} digits before the decimal point do not fit, and digits after the ${ordinal(toScale)} decimal place are rounded away`);
    }
    const parts: string[] = [];
    if (from.precision - (from.scale ?? 0) > toDigits) parts.push(`values with more than ${toDigits} digits before the decimal point do not fit`);
    if ((from.scale ?? 0) > toScale) parts.push(toScale === 0 ? 'fractions are rounded away' : `digits after the ${ordinal(toScale)} decimal place are rounded away`);
    return parts.length === 0 ? KEEPS : narrows(parts.join(', and '));
  },
  float: (from, to) => (from.bits > to.bits ? narrows('values are rounded to single precision (about 7 significant digits)') : KEEPS),
  boolean: () => KEEPS,
  json: () => KEEPS,
  uuid: () => KEEPS,
  temporal: (from, to) => temporalConversion(from, to),
  enum: (from, to) => {
    const missing = from.values.filter((v) => !to.values.includes(v));
    if (missing.length === 0) return KEEPS;
    if (sameName(from.name, to.name)) return { kind: 'removesEnumValues', removed: missing };
    return converts(`${names(missing)} ${missing.length === 1 ? 'is not a value' : 'are not values'} of the new type`);
  },
  other: () => converts('Kiln cannot tell whether every value converts'),
};

function lengthNarrowing(from: number | null, to: number | null, unit: string): Conversion {
  if (to === null || (from !== null && from <= to)) return KEEPS;
  return narrows(`values longer than ${to} ${unit} do not fit`);
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function integerRange(t: Of<'integer'>): [bigint, bigint] {
  const bits = BigInt(t.bits);
  return t.unsigned ? [0n, 2n ** bits - 1n] : [-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n];
}

/** `values above 32767 and negative values`, or null when `from` fits in `to`. */
function integerOverflow([fromMin, fromMax]: [bigint, bigint], [toMin, toMax]: [bigint, bigint]): string | null {
  const parts: string[] = [];
  if (fromMax > toMax) parts.push(`values above ${toMax}`);
  if (fromMin < toMin) parts.push(toMin === 0n ? 'negative values' : `values below ${toMin}`);
  return parts.length === 0 ? null : parts.join(' and ');
}

/** Decimal digits the largest value of an integer type has: 10 for a 32-bit integer. */
function integerDigits(t: Of<'integer'>): number {
  const [min, max] = integerRange(t);
  return (max > -min ? max : -min).toString().length;
}

function temporalConversion(from: Of<'temporal'>, to: Of<'temporal'>): Conversion {
  const parts: string[] = [];
  if (from.unit !== to.unit) {
    const pair = `${from.unit}>${to.unit}`;
    if (pair === 'dateTime>date') parts.push('the time of day is lost');
    else if (pair === 'dateTime>time') parts.push('the date is lost');
    else if (pair !== 'date>dateTime') return converts(`a ${UNIT_NAMES[from.unit]} does not convert to a ${UNIT_NAMES[to.unit]}`);
  }
  const fractions = from.unit !== 'date' && from.unit !== 'year' && to.unit !== 'date' && to.unit !== 'year';
  if (fractions && to.precision < from.precision) {
    parts.push(to.precision === 0 ? 'fractions of a second are rounded away' : `fractions of a second beyond ${to.precision} digits are rounded away`);
  }
  if (to.years !== null && (from.years === null || from.years[0] < to.years[0] || from.years[1] > to.years[1])) {
    parts.push(`dates outside the years ${to.years[0]}–${to.years[1]} do not fit`);
  }
  return parts.length === 0 ? KEEPS : narrows(parts.join(', and '));
}

const UNIT_NAMES = { dateTime: 'date and time', date: 'date', time: 'time of day', year: 'year' } as const;

/** Any value can be written as text; it fits when the text is never longer than the column. */
function toText(from: TypeFacts, to: Of<'text'>): Conversion {
  if (from.family === 'bytes') return converts('binary values are not text');
  if (to.length === null) return KEEPS;
  const longest = textLength(from);
  if (longest !== null && longest <= to.length) return KEEPS;
  return converts(`values longer than ${to.length} characters as text do not fit`);
}

/** The longest text form of a value of `t`, or null when it has no bound. */
function textLength(t: TypeFacts): number | null {
  switch (t.family) {
    case 'integer':
      return integerDigits(t) + (t.unsigned ? 0 : 1);
    case 'decimal':
      // A sign, the point, and a leading 0 when every digit is a fraction.
      return t.precision === null ? null : t.precision + 2 + (t.scale === t.precision ? 1 : 0);
    case 'float':
      return t.bits === 64 ? 24 : 15; // -1.7976931348623157e+308, -3.4028235e+38
    case 'boolean':
      return 5; // false
    case 'uuid':
      return 36;
    case 'bits':
      return t.length;
    case 'enum':
      return Math.max(0, ...t.values.map((v) => v.length));
    case 'temporal': {
      const fraction = t.precision > 0 ? t.precision + 1 : 0;
      const zone = t.zone ? 6 : 0;
      // An era suffix (" BC") on PostgreSQL dates.
      return { dateTime: 19 + fraction + zone + 3, date: 10 + 3, time: 8 + fraction + zone, year: 4 }[t.unit];
    }
    case 'text':
      return t.length;
    case 'json':
    case 'bytes':
    case 'other':
      return null;
  }
}

/** From one kind of value to another (never to text: see `toText`). */
function acrossFamilies(from: TypeFacts, to: TypeFacts): Conversion {
  if (from.family === 'other' || to.family === 'other') return converts('Kiln cannot tell whether every value converts');
  if (to.family === 'enum') return converts(`values that are not one of ${names(to.values)} do not convert`);
  // `to` is not text (see toText), enum nor other (above).
  if (from.family === 'text') return converts(TEXT_TO[to.family as keyof typeof TEXT_TO]);
  switch (from.family) {
    case 'boolean':
      return to.family === 'integer' || to.family === 'decimal' || to.family === 'float' ? KEEPS : notConvertible(from, to);
    case 'integer':
      return integerTo(from, to);
    case 'decimal':
      if (to.family === 'integer') return decimalToInteger(from, to);
      if (to.family === 'float') return converts('values are rounded to the nearest floating-point number');
      return notConvertible(from, to);
    case 'float':
      if (to.family === 'integer') return converts('fractions are rounded away, and large values do not fit');
      if (to.family === 'decimal') return converts('values are rounded to the decimal places of the new type, and NaN and infinities do not convert');
      return notConvertible(from, to);
    case 'temporal':
      if (from.unit === 'year' && to.family === 'integer') return to.bits >= 16 ? KEEPS : converts('years above 127 do not fit');
      return notConvertible(from, to);
    default:
      return notConvertible(from, to);
  }
}

const TEXT_TO: Record<Exclude<TypeShape['family'], 'text' | 'enum' | 'other'>, string> = {
  integer: 'values that are not whole numbers do not convert',
  decimal: 'values that are not numbers do not convert',
  float: 'values that are not numbers do not convert',
  boolean: 'values that are not true or false do not convert',
  temporal: 'values that are not dates or times do not convert',
  json: 'values that are not valid JSON do not convert',
  bytes: 'text becomes bytes in the database\'s encoding, not the values it was',
  uuid: 'values that are not UUIDs do not convert',
  bits: 'values that are not bit strings do not convert',
};

const FAMILY_NAMES: Record<TypeShape['family'], string> = {
  text: 'text',
  integer: 'integers',
  decimal: 'decimals',
  float: 'floating-point numbers',
  boolean: 'booleans',
  temporal: 'dates and times',
  json: 'JSON values',
  bytes: 'binary values',
  uuid: 'UUIDs',
  bits: 'bit strings',
  enum: 'enum values',
  other: 'values',
};

function notConvertible(from: TypeFacts, to: TypeFacts): Conversion {
  return converts(`${FAMILY_NAMES[from.family]} do not convert to ${FAMILY_NAMES[to.family]}`);
}

function integerTo(from: Of<'integer'>, to: TypeFacts): Conversion {
  switch (to.family) {
    case 'decimal': {
      if (to.precision === null) return KEEPS;
      const room = to.precision - (to.scale ?? 0);
      return integerDigits(from) <= room ? KEEPS : converts(`values with more than ${room} digits do not fit`);
    }
    case 'float': {
      // Integers up to 2^(mantissa bits) are exact: 24 bits in a float, 53 in a double.
      const mantissa = to.bits === 64 ? 53 : 24;
      const magnitude = from.unsigned ? from.bits : from.bits - 1;
      return magnitude <= mantissa ? KEEPS : converts(`values above 2^${mantissa} are rounded`);
    }
    case 'boolean':
      return converts('values other than 0 and 1 do not keep their value');
    default:
      return notConvertible(from, to);
  }
}

function decimalToInteger(from: Of<'decimal'>, to: Of<'integer'>): Conversion {
  const parts: string[] = [];
  if (from.scale === null || from.scale > 0) parts.push('fractions are rounded away');
  if (to.unsigned) parts.push('negative values do not fit');
  // The largest whole number of `from` has precision - scale digits.
  const largest = from.precision === null ? null : 10n ** BigInt(from.precision - (from.scale ?? 0)) - 1n;
  if (largest === null || largest > integerRange(to)[1]) parts.push('large values do not fit');
  return parts.length === 0 ? KEEPS : converts(parts.join(', and '));
}
