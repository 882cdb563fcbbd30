using ForumPlatform.Messaging;
using ForumPlatform.Notifications.Consumers;
using ForumPlatform.Notifications.Data;

namespace ForumPlatform.Notifications;

public static class NotificationsServiceExtensions
{
    /// <summary>What the notifications service consists of: subscriptions, the events it fans out, its API.</summary>
    public static IHostApplicationBuilder AddNotificationsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext>("notifications");
        builder.Services.AddScoped<Fanout>();
        builder.AddForumMessaging<NotificationsDbContext>("notifications", bus =>
        {
            bus.AddConsumer<ArticlePublishedConsumer>();
        });
        builder.Services.AddValidation();
        builder.Services.AddOpenApi();
        return builder;
    }
}
