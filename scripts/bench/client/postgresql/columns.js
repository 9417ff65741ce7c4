// Select lists that give the result contract's keys (`createdAt`, not `created_at`): pg returns
// native booleans, int4 as numbers and (with types.js) timestamps as Dates, so these rows need
// no mapping in JavaScript.

export const USER = `"id", "email", "name", "role", "created_at" AS "createdAt", "updated_at" AS "updatedAt"`;
export const POST = `"id", "slug", "title", "content", "published", "publishedAt", "viewCount", "createdAt", "updatedAt", "authorId", "editorId"`;
export const COMMENT = `"id", "body", "createdAt", "postId", "authorId", "parentId"`;

/** The same lists qualified by a table alias, for joins. */
export const qualified = (list, alias) => list.replace(/(^|, )"/g, `$1${alias}."`);
