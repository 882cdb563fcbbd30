using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumPlatform.Articles.Data.Migrations
{
    /// <inheritdoc />
    public partial class Newsroom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodyHtml",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CoverImageAlt",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoverImageUrl",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HiddenAfterRetraction",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetractedAt",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetractionReason",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ScheduledFor",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sources",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Themes",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "TranslationGroupId",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Articles written before translations existed form a group of their own.
            migrationBuilder.Sql("UPDATE \"Articles\" SET \"TranslationGroupId\" = \"Id\";");

            migrationBuilder.CreateTable(
                name: "Revisions",
                columns: table => new
                {
                    ArticleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EditedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Revisions", x => new { x.ArticleId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "SlugRedirects",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ArticleId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlugRedirects", x => x.Slug);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_ScheduledFor",
                table: "Articles",
                columns: new[] { "Status", "ScheduledFor" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_TranslationGroupId",
                table: "Articles",
                column: "TranslationGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SlugRedirects_ArticleId",
                table: "SlugRedirects",
                column: "ArticleId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Revisions");

            migrationBuilder.DropTable(
                name: "SlugRedirects");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_ScheduledFor",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_TranslationGroupId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "BodyHtml",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "CoverImageAlt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "CoverImageUrl",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "HiddenAfterRetraction",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "RetractedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "RetractionReason",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ScheduledFor",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Sources",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Themes",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "TranslationGroupId",
                table: "Articles");
        }
    }
}
