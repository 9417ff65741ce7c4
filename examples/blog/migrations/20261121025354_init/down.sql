-- DropTable "Profile"
-- kiln: data loss: Dropping table "Profile" deletes every row it holds.
DROP TABLE "Profile";

-- DropTable "Comment"
-- kiln: data loss: Dropping table "Comment" deletes every row it holds.
DROP TABLE "Comment";

-- DropTable "_PostToTag"
-- kiln: data loss: Dropping join table "_PostToTag" of the many-to-many relation "PostToTag" deletes every link it holds.
DROP TABLE "_PostToTag";

-- DropTable "Post"
-- kiln: data loss: Dropping table "Post" deletes every row it holds.
DROP TABLE "Post";

-- DropTable "users"
-- kiln: data loss: Dropping table "users" deletes every row it holds.
DROP TABLE "users";

-- DropTable "Tag"
-- kiln: data loss: Dropping table "Tag" deletes every row it holds.
DROP TABLE "Tag";
