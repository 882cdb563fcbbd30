using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumPlatform.Articles.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicListIndex : Migration
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
                name: "IX_Articles_IsPublic_PublishedAt_Slug",
                table: "Articles",
                columns: new[] { "IsPublic", "PublishedAt", "Slug" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_IsPublic_PublishedAt_Slug",
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
