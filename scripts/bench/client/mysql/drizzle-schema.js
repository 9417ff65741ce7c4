// The blog schema as Drizzle mysql-core tables and relations, written by hand to match ddl.js
// (Drizzle does not create the tables here; ddl.js does). `datetime(..., { mode: 'date', fsp: 3 })`
// reads DATETIME text as a UTC Date and writes it as UTC text; `boolean` maps 0/1; the Role column
// is a mysqlEnum. `$defaultFn`/`$onUpdate` are Drizzle's counterparts of `@default(now())` and
// `@updatedAt`.

import { relations } from 'drizzle-orm';
import { boolean, datetime, index, int, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';

const now = () => new Date();
const dt = (name) => datetime(name, { mode: 'date', fsp: 3 });
const str = (name) => varchar(name, { length: 191 });

export const users = mysqlTable(
  'users',
  {
    id: int('id').autoincrement().primaryKey(),
    email: str('email').notNull(),
    name: str('name'),
    role: mysqlEnum('role', ['READER', 'AUTHOR', 'EDITOR', 'ADMIN']).notNull().default('READER'),
    createdAt: dt('created_at').notNull().$defaultFn(now),
    updatedAt: dt('updated_at').notNull().$defaultFn(now).$onUpdate(now),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const profiles = mysqlTable(
  'Profile',
  {
    id: int('id').autoincrement().primaryKey(),
    bio: str('bio'),
    avatarUrl: str('avatar_url'),
    website: str('website'),
    userId: int('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
  },
  (t) => [uniqueIndex('Profile_user_id_key').on(t.userId)],
);

export const posts = mysqlTable(
  'Post',
  {
    id: int('id').autoincrement().primaryKey(),
    slug: str('slug').notNull(),
    title: str('title').notNull(),
    content: str('content'),
    published: boolean('published').notNull().default(false),
    publishedAt: dt('publishedAt'),
    viewCount: int('viewCount').notNull().default(0),
    createdAt: dt('createdAt').notNull().$defaultFn(now),
    updatedAt: dt('updatedAt').notNull().$defaultFn(now).$onUpdate(now),
    authorId: int('authorId')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    editorId: int('editorId').references(() => users.id, { onDelete: 'set null', onUpdate: 'cascade' }),
  },
  (t) => [
    uniqueIndex('Post_slug_key').on(t.slug),
    index('Post_authorId_idx').on(t.authorId),
    index('Post_editorId_idx').on(t.editorId),
    index('Post_published_publishedAt_idx').on(t.published, t.publishedAt),
  ],
);

export const comments = mysqlTable(
  'Comment',
  {
    id: str('id').primaryKey(),
    body: str('body').notNull(),
    createdAt: dt('createdAt').notNull().$defaultFn(now),
    postId: int('postId')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    authorId: int('authorId')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    parentId: str('parentId'),
  },
  (t) => [index('Comment_postId_idx').on(t.postId), index('Comment_authorId_idx').on(t.authorId), index('Comment_parentId_idx').on(t.parentId)],
);

export const tags = mysqlTable('Tag', { id: int('id').autoincrement().primaryKey(), name: str('name').notNull() }, (t) => [uniqueIndex('Tag_name_key').on(t.name)]);

export const postsToTags = mysqlTable(
  '_PostToTag',
  {
    A: int('A')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    B: int('B')
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
