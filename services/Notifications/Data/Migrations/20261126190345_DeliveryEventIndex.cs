using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumPlatform.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryEventIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_EventId",
                table: "Deliveries",
                column: "EventId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deliveries_EventId",
                table: "Deliveries");
        }
    }
}
