using ForumPlatform.Messaging;
using ForumPlatform.Statistics.Consumers;
using ForumPlatform.Statistics.Data;

namespace ForumPlatform.Statistics;

public static class StatisticsServiceExtensions
{
    /// <summary>What the statistics service consists of: its database, the consumers of every platform event, its API.</summary>
    public static IHostApplicationBuilder AddStatisticsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<StatisticsDbContext>("statistics");
        builder.Services.AddScoped<PlatformFigures>();
        builder.AddForumMessaging<StatisticsDbContext>("statistics", bus =>
        {
            bus.AddConsumer<ArticleEventsConsumer>();
            bus.AddConsumer<AgendaEventsConsumer>();
            bus.AddConsumer<NotificationEventsConsumer>();
        });
        builder.Services.AddOpenApi();
        return builder;
    }
}
