using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumPlatform.Articles.Data.Migrations
{
    /// <summary>
    /// A stored <c>IsPublic</c> flag (published, or retracted and not hidden) with a partial index that serves the
    /// public list and feeds in order, and a search index that holds public articles only, so ranking needs no join.
    /// </summary>
    public partial class PublicArticles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_PublishedAt",
                table: "Articles");

            migrationBuilder.AddColumn<bool>(
                name: "IsPublic",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("""
                UPDATE "Articles" SET "IsPublic" = ("Status" = 'Published' OR ("Status" = 'Retracted' AND NOT "HiddenAfterRetraction"));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Public_PublishedAt_Slug",
                table: "Articles",
                columns: new[] { "PublishedAt", "Slug" },
                filter: "\"IsPublic\"");

            // The search index now follows IsPublic: rows enter when an article becomes public and leave when it stops.
            // ('rebuild' would index every row, so the index is refilled from the public rows instead.)
            migrationBuilder.Sql("""DROP TRIGGER "Articles_AfterInsert_Search";""");
            migrationBuilder.Sql("""DROP TRIGGER "Articles_AfterDelete_Search";""");
            migrationBuilder.Sql("""DROP TRIGGER "Articles_AfterUpdate_Search";""");
            migrationBuilder.Sql("""INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('delete-all');""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "Articles_AfterInsert_Search" AFTER INSERT ON "Articles" WHEN new."IsPublic" BEGIN
                    INSERT INTO "ArticleSearch"(rowid, "Title", "Summary", "Body") VALUES (new.rowid, new."Title", new."Summary", new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Articles_AfterDelete_Search" AFTER DELETE ON "Articles" WHEN old."IsPublic" BEGIN
                    INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Title", "Summary", "Body") VALUES ('delete', old.rowid, old."Title", old."Summary", old."Body");
                END;
                """);
            // One trigger, so the old text leaves the index before the new text enters it.
            migrationBuilder.Sql("""
                CREATE TRIGGER "Articles_AfterUpdate_Search" AFTER UPDATE OF "Title", "Summary", "Body", "IsPublic" ON "Articles" BEGIN
                    INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Title", "Summary", "Body")
                        SELECT 'delete', old.rowid, old."Title", old."Summary", old."Body" WHERE old."IsPublic";
                    INSERT INTO "ArticleSearch"(rowid, "Title", "Summary", "Body")
                        SELECT new.rowid, new."Title", new."Summary", new."Body" WHERE new."IsPublic";
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ArticleSearch"(rowid, "Title", "Summary", "Body") SELECT rowid, "Title", "Summary", "Body" FROM "Articles" WHERE "IsPublic";
                """);
            migrationBuilder.Sql("""INSERT INTO "ArticleSearch"("ArticleSearch", rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to indexing every article, as the ArticleSearch migration did.
            migrationBuilder.Sql("""DROP TRIGGER "Articles_AfterInsert_Search";""");
            migrationBuilder.Sql("""DROP TRIGGER "Articles_AfterDelete_Search";""");
            migrationBuilder.Sql("""DROP TRIGGER "Articles_AfterUpdate_Search";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "Articles_AfterInsert_Search" AFTER INSERT ON "Articles" BEGIN
                    INSERT INTO "ArticleSearch"(rowid, "Title", "Summary", "Body") VALUES (new.rowid, new."Title", new."Summary", new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Articles_AfterDelete_Search" AFTER DELETE ON "Articles" BEGIN
                    INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Title", "Summary", "Body") VALUES ('delete', old.rowid, old."Title", old."Summary", old."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Articles_AfterUpdate_Search" AFTER UPDATE OF "Title", "Summary", "Body" ON "Articles" BEGIN
                    INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Title", "Summary", "Body") VALUES ('delete', old.rowid, old."Title", old."Summary", old."Body");
                    INSERT INTO "ArticleSearch"(rowid, "Title", "Summary", "Body") VALUES (new.rowid, new."Title", new."Summary", new."Body");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('rebuild');""");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Public_PublishedAt_Slug",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "IsPublic",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_PublishedAt",
                table: "Articles",
                columns: new[] { "Status", "PublishedAt" });
        }
    }
}
