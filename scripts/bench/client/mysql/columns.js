// Select lists that give the result contract's keys (`createdAt`, not `created_at`), and the
// mapping of the rows mysql2 returns: BOOLEAN is TINYINT(1) and arrives as 0/1, the contract
// wants true/false. With the pool's `timezone: 'Z'`, DATETIME arrives as a Date of the UTC time.

export const USER = '`id`, `email`, `name`, `role`, `created_at` AS `createdAt`, `updated_at` AS `updatedAt`';
export const POST = '`id`, `slug`, `title`, `content`, `published`, `publishedAt`, `viewCount`, `createdAt`, `updatedAt`, `authorId`, `editorId`';
export const COMMENT = '`id`, `body`, `createdAt`, `postId`, `authorId`, `parentId`';

/** A Post row from mysql2: 0/1 → boolean (in place). */
export function toPost(r) {
  r.published = r.published === 1;
  return r;
}

/** A Date as a DATETIME(3) parameter: `2024-01-01 10:00:00.123`, UTC (a trailing Z is an error on MariaDB). */
export function dateTimeParam(date) {
  const iso = date.toISOString();
  return iso.slice(0, 10) + ' ' + iso.slice(11, 23);
}
