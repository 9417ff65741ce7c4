// Row mappers shared by the contenders that get plain SQLite rows (raw and kysely): SQLite
// returns 0/1 and ISO text, the contract wants booleans and Dates. Column names are already
// aliased to field names in the SQL, so mapping is only the type conversion an application on
// the raw driver would write once.

export function toUser(r) {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
  };
}

export function toPost(r) {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    content: r.content,
    published: r.published === 1,
    publishedAt: r.publishedAt === null ? null : new Date(r.publishedAt),
    viewCount: r.viewCount,
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
    authorId: r.authorId,
    editorId: r.editorId,
  };
}

export function toComment(r) {
  return {
    id: r.id,
    body: r.body,
    createdAt: new Date(r.createdAt),
    postId: r.postId,
    authorId: r.authorId,
    parentId: r.parentId,
  };
}
