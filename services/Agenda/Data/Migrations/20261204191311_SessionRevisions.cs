using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumPlatform.Agenda.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // existing sessions start at revision 1, as new ones do
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Sessions");
        }
    }
}
