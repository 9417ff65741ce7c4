// Type parsers for the pools of raw pg, Kysely and the harness (pg's `types` pool option, never
// pg's process-global ones): `timestamp` columns hold the UTC wall clock (TIMESTAMP(3) without
// time zone, as Kiln migrates them), so they are read as UTC; pg's default would read them in the
// process's time zone. Everything else keeps pg's default parser.

import pg from 'pg';

const TIMESTAMP = 1114;

/** `2024-01-01 10:00:00.123` (the server's text form) → the Date of that UTC time. */
export function utcTimestamp(text) {
  return new Date(text.slice(0, 10) + 'T' + text.slice(11) + 'Z');
}

export const utcTypes = {
  getTypeParser: (oid, format) => (oid === TIMESTAMP && format !== 'binary' ? utcTimestamp : pg.types.getTypeParser(oid, format)),
};

/** A Date as a `timestamp` parameter: ISO text in UTC (pg would format it in the process's zone). */
export function utcParam(date) {
  return date.toISOString();
}
