using ForumPlatform.Database;
using ForumPlatform.Messaging;
using ForumPlatform.Notifications.Consumers;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Notifications.Exchange;
using ForumPlatform.Notifications.LiveStream;
using ForumPlatform.Notifications.Retention;
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

        builder.Services.AddForumOpenApi(
            "Subscriptions to the platform's events, delivered as signed CloudEvents webhooks with retries and a delivery log, and as a live Server-Sent Events stream.",
            new Dictionary<string, string>
            {
                ["id"] = "The subscription's id.",
                ["deliveryId"] = "The delivery's id (the webhook-id the subscriber saw).",
                ["status"] = "Only deliveries with this status: pending, delivered or failed.",
                ["limit"] = "How many, newest first.",
                ["Last-Event-ID"] = "The id of the last event received; the stream resumes after it.",
                ["types"] = "Event types, comma-separated; wildcards like forum.session.* allowed.",
                ["tags"] = "Only articles with one of these tags, comma-separated.",
                ["forum"] = "Only events of this forum (its slug).",
                ["subscription"] = "A subscription's id: its filter applies, and its management token is needed.",
            });
        return builder;
    }
}
