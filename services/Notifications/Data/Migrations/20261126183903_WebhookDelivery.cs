using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumPlatform.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class WebhookDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReceivedEvents_ReceivedAt",
                table: "ReceivedEvents");

            migrationBuilder.DropColumn(
                name: "Active",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "Subscriptions");

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Subscriptions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "Contact",
                table: "Subscriptions",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Filter",
                table: "Subscriptions",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ManagementTokenHash",
                table: "Subscriptions",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousSecret",
                table: "Subscriptions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PreviousSecretExpiresAt",
                table: "Subscriptions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Secret",
                table: "Subscriptions",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Subscriptions",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "Subscriptions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebhookUrl",
                table: "Subscriptions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExchangePublishedAt",
                table: "ReceivedEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Facts",
                table: "ReceivedEvents",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "ReceivedEvents",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TraceParent",
                table: "ReceivedEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "Deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "CompletedAt",
                table: "Deliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "Deliveries",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LastStatusCode",
                table: "Deliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextAttemptAt",
                table: "Deliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TotalAttempts",
                table: "Deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DeliveryAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeliveryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMilliseconds = table.Column<double>(type: "REAL", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryAttempts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedEvents_ExchangePublishedAt",
                table: "ReceivedEvents",
                column: "ExchangePublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedEvents_ReceivedAt_Id",
                table: "ReceivedEvents",
                columns: new[] { "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_Status_NextAttemptAt",
                table: "Deliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryAttempts_DeliveryId",
                table: "DeliveryAttempts",
                column: "DeliveryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliveryAttempts");

            migrationBuilder.DropIndex(
                name: "IX_ReceivedEvents_ExchangePublishedAt",
                table: "ReceivedEvents");

            migrationBuilder.DropIndex(
                name: "IX_ReceivedEvents_ReceivedAt_Id",
                table: "ReceivedEvents");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_Status_NextAttemptAt",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "Contact",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "Filter",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "ManagementTokenHash",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "PreviousSecret",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "PreviousSecretExpiresAt",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "Secret",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "StatusReason",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "WebhookUrl",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "ExchangePublishedAt",
                table: "ReceivedEvents");

            migrationBuilder.DropColumn(
                name: "Facts",
                table: "ReceivedEvents");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "ReceivedEvents");

            migrationBuilder.DropColumn(
                name: "TraceParent",
                table: "ReceivedEvents");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "LastStatusCode",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "TotalAttempts",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Subscriptions");

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "Subscriptions",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "Active",
                table: "Subscriptions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedEvents_ReceivedAt",
                table: "ReceivedEvents",
                column: "ReceivedAt");
        }
    }
}
