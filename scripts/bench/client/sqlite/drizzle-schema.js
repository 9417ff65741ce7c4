// The blog schema as Drizzle tables and relations, written by hand to match ddl.js (Drizzle does
// not create the tables here; ddl.js does). The column types give the contract's values:
// `integer({ mode: 'boolean' })` for 0/1 booleans, and a custom type for DateTime stored as
// ISO-8601 text (Drizzle's own `timestamp` modes store epoch numbers, not ISO text).
// `$defaultFn`/`$onUpdate` are Drizzle's counterparts of `@default(now())` and `@updatedAt`.

import { relations } from 'drizzle-orm';
import { customType, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const isoDateTime = customType({
  dataType: () => 'DATETIME',
  toDriver: (value) => value.toISOString(),
  fromDriver: (value) => new Date(value),
});

const now = () => new Date();

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name'),
    role: text('role', { enum: ['READER', 'AUTHOR', 'EDITOR', 'ADMIN'] }).notNull().default('READER'),
    createdAt: isoDateTime('created_at').notNull().$defaultFn(now),
    updatedAt: isoDateTime('updated_at').notNull().$defaultFn(now).$onUpdate(now),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const profiles = sqliteTable(
  'Profile',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bio: text('bio'),
    avatarUrl: text('avatar_url'),
    website: text('website'),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
  },
  (t) => [uniqueIndex('Profile_user_id_key').on(t.userId)],
);

export const posts = sqliteTable(
  'Post',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    content: text('content'),
    published: integer('published', { mode: 'boolean' }).notNull().default(false),
    publishedAt: isoDateTime('publishedAt'),
    viewCount: integer('viewCount').notNull().default(0),
    createdAt: isoDateTime('createdAt').notNull().$defaultFn(now),
    updatedAt: isoDateTime('updatedAt').notNull().$defaultFn(now).$onUpdate(now),
    authorId: integer('authorId')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    editorId: integer('editorId').references(() => users.id, { onDelete: 'set null', onUpdate: 'cascade' }),
  },
  (t) => [
    uniqueIndex('Post_slug_key').on(t.slug),
    index('Post_authorId_idx').on(t.authorId),
    index('Post_editorId_idx').on(t.editorId),
    index('Post_published_publishedAt_idx').on(t.published, t.publishedAt),
  ],
);

export const comments = sqliteTable(
  'Comment',
  {
    id: text('id').primaryKey(),
    body: text('body').notNull(),
    createdAt: isoDateTime('createdAt').notNull().$defaultFn(now),
    postId: integer('postId')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    authorId: integer('authorId')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    parentId: text('parentId'),
  },
  (t) => [index('Comment_postId_idx').on(t.postId), index('Comment_authorId_idx').on(t.authorId), index('Comment_parentId_idx').on(t.parentId)],
);

export const tags = sqliteTable('Tag', { id: integer('id').primaryKey({ autoIncrement: true }), name: text('name').notNull() }, (t) => [
  uniqueIndex('Tag_name_key').on(t.name),
]);

export const postsToTags = sqliteTable(
  '_PostToTag',
  {
    A: integer('A')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    B: integer('B')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
  },
  (t) => [uniqueIndex('_PostToTag_AB_unique').on(t.A, t.B), index('_PostToTag_B_index').on(t.B)],
);

export const usersRelations = relations(users, ({ one, many }) => ({
  profile: one(profiles),
  posts: many(posts, { relationName: 'PostAuthor' }),
  editedPosts: many(posts, { relationName: 'PostEditor' }),
  comments: many(comments),
}));

export const profilesRelations = relations(profiles, ({ one }) => ({
  user: one(users, { fields: [profiles.userId], references: [users.id] }),
}));

export const postsRelations = relations(posts, ({ one, many }) => ({
  author: one(users, { fields: [posts.authorId], references: [users.id], relationName: 'PostAuthor' }),
  editor: one(users, { fields: [posts.editorId], references: [users.id], relationName: 'PostEditor' }),
  comments: many(comments),
  tags: many(postsToTags),
}));

export const commentsRelations = relations(comments, ({ one, many }) => ({
  post: one(posts, { fields: [comments.postId], references: [posts.id] }),
  author: one(users, { fields: [comments.authorId], references: [users.id] }),
  parent: one(comments, { fields: [comments.parentId], references: [comments.id], relationName: 'CommentReplies' }),
  replies: many(comments, { relationName: 'CommentReplies' }),
}));

export const tagsRelations = relations(tags, ({ many }) => ({ posts: many(postsToTags) }));

export const postsToTagsRelations = relations(postsToTags, ({ one }) => ({
  post: one(posts, { fields: [postsToTags.A], references: [posts.id] }),
  tag: one(tags, { fields: [postsToTags.B], references: [tags.id] }),
}));
