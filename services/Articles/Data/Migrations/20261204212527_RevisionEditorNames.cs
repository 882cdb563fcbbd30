using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumPlatform.Articles.Data.Migrations
{
    /// <inheritdoc />
    public partial class RevisionEditorNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EditorName",
                table: "Revisions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EditorName",
                table: "Revisions");
        }
    }
}
