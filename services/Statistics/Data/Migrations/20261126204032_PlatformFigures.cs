using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumPlatform.Statistics.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlatformFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeliveryLatencies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Milliseconds = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryLatencies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryLatencies_Day_Milliseconds",
                table: "DeliveryLatencies",
                columns: new[] { "Day", "Milliseconds" });

            // Metrics are counted differently from here on (new names, failures only when given up); the figures are
            // rebuilt from the event log at start-up (FiguresFromLogSeeder).
            migrationBuilder.Sql("DELETE FROM \"Counters\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliveryLatencies");
        }
    }
}
