using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumPlatform.Statistics.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ObservationCount",
                table: "Indicators",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "ObservationsUpdatedAt",
                table: "Indicators",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Observations_IndicatorCode_Partner_Reporter_Period",
                table: "Observations",
                columns: new[] { "IndicatorCode", "Partner", "Reporter", "Period" });

            // Totals of the observations already stored.
            migrationBuilder.Sql("""
                UPDATE "Indicators" SET
                    "ObservationCount" = (SELECT COUNT(*) FROM "Observations" WHERE "IndicatorCode" = "Indicators"."Code"),
                    "ObservationsUpdatedAt" = (SELECT MAX("UpdatedAt") FROM "Observations" WHERE "IndicatorCode" = "Indicators"."Code");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Observations_IndicatorCode_Partner_Reporter_Period",
                table: "Observations");

            migrationBuilder.DropColumn(
                name: "ObservationCount",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "ObservationsUpdatedAt",
                table: "Indicators");
        }
    }
}
