// Mapping for rows that come back inside JSON (Kysely's jsonArrayFrom/jsonObjectFrom, json_agg):
// JSON has no dates, so PostgreSQL writes a `timestamp` as text (`2024-01-01T10:00:00.123`, the
// UTC wall clock here) and the contract wants a Date. Top-level rows need no mapping (columns.js).

const date = (s) => (s === null ? null : new Date(s + 'Z'));

export function jsonUser(r) {
  r.createdAt = date(r.createdAt);
  r.updatedAt = date(r.updatedAt);
  return r;
}

export function jsonPost(r) {
  r.publishedAt = date(r.publishedAt);
  r.createdAt = date(r.createdAt);
  r.updatedAt = date(r.updatedAt);
  return r;
}

export function jsonComment(r) {
  r.createdAt = date(r.createdAt);
  return r;
}
