using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumPlatform.Articles.Data.Migrations
{
    /// <summary>
    /// Full-text search: an FTS5 index over title, summary and body that reads its text from the Articles table
    /// (external content) and is kept in step by triggers. It is keyed by the table's rowid, so a later migration
    /// that rebuilds the Articles table must end with <c>INSERT INTO ArticleSearch(ArticleSearch) VALUES('rebuild')</c>.
    /// </summary>
    public partial class ArticleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
                    "Title", "Summary", "Body",
                    content='Articles', content_rowid='rowid',
                    tokenize='unicode61 remove_diacritics 2');
                """);
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_AfterUpdate_Search";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_AfterDelete_Search";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_AfterInsert_Search";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ArticleSearch";""");
        }
    }
}
