using ForumPlatform.Messaging;
using ForumPlatform.Notifications.Consumers;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Notifications.Exchange;
using ForumPlatform.Notifications.LiveStream;
using ForumPlatform.Notifications.Subscriptions;
using ForumPlatform.Notifications.Webhooks;
using ForumPlatform.ServiceDefaults;

namespace ForumPlatform.Notifications;

public static class NotificationsServiceExtensions
{
    /// <summary>
    /// What the notifications service consists of: subscriptions, the events it takes in, and its three channels
    /// (signed webhooks, the live stream, the broker exchange).
    /// </summary>
    public static IHostApplicationBuilder AddNotificationsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext>("notifications");
        builder.AddSubscriptionManagementTokens();
        builder.AddForumMessaging<NotificationsDbContext>("notifications", bus =>
        {
            bus.AddConsumer<ArticleEventsConsumer>();
            bus.AddConsumer<AgendaEventsConsumer>();
            bus.AddConsumer<IndicatorEventsConsumer>();
        });
        builder.Services.AddScoped<Fanout>();
        builder.Services.Configure<RetentionOptions>(builder.Configuration.GetSection(RetentionOptions.SectionName));
        builder.Services.AddHostedService<RetentionSweep>();

        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.SectionName));
        builder.Services.AddSingleton<WebhookTargetGuard>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<RetryPolicy>();
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddHostedService<DeliveryDispatcher>();

        builder.Services.Configure<StreamOptions>(builder.Configuration.GetSection(StreamOptions.SectionName));
        builder.Services.AddSingleton<NotificationStream>();

        builder.Services.AddSingleton<ExchangeSignal>();
        builder.Services.AddHostedService<ExchangePublisher>();

        builder.Services.AddValidation();
        builder.Services.AddForumOpenApi();
        return builder;
    }
}
