using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumPlatform.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubscriptionManagementTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows from before webhooks: admin-made subscriptions become stream-only ones with a token nobody knows
            // (an admin can still manage them), and old events count as already on the exchange.
            migrationBuilder.Sql("""
                UPDATE "Subscriptions" SET
                    "Contact" = '(not given)', "Status" = 'Active', "UpdatedAt" = "CreatedAt",
                    "Filter" = '{"tags":[],"themes":[],"forums":[],"tracks":[],"sessionIds":[],"indicatorCodes":[],"languages":[]}',
                    "Secret" = 'whsec_' || hex(randomblob(32)), "ManagementTokenHash" = lower(hex(randomblob(32)))
                WHERE "ManagementTokenHash" = '';
                UPDATE "ReceivedEvents" SET
                    "Facts" = '{"type":"' || "Type" || '"}', "ExchangePublishedAt" = "ReceivedAt",
                    "Source" = CASE WHEN "Type" LIKE 'forum.article.%' THEN '/articles'
                                    WHEN "Type" LIKE 'forum.indicator.%' THEN '/statistics' ELSE '/agenda' END
                WHERE "Source" = '';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_ManagementTokenHash",
                table: "Subscriptions",
                column: "ManagementTokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Subscriptions_ManagementTokenHash",
                table: "Subscriptions");
        }
    }
}
