using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumPlatform.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubscriptionOwnersAndAnswerExcerpts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OwnerSubject",
                table: "Subscriptions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponseExcerpt",
                table: "DeliveryAttempts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_OwnerSubject",
                table: "Subscriptions",
                column: "OwnerSubject");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Subscriptions_OwnerSubject",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "OwnerSubject",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "ResponseExcerpt",
                table: "DeliveryAttempts");
        }
    }
}
