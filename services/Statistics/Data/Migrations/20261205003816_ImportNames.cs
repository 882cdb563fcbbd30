using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumPlatform.Statistics.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportedByName",
                table: "IndicatorImports",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ImportedByName",
                table: "IndicatorImports");
        }
    }
}
