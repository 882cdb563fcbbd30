using ForumPlatform.Messaging;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Statistics.Consumers;
using ForumPlatform.Statistics.Data;
using ForumPlatform.Statistics.Indicators;
using ForumPlatform.Statistics.Platform;

namespace ForumPlatform.Statistics;

public static class StatisticsServiceExtensions
{
    /// <summary>What the statistics service consists of: its database, indicators with their import and derived figures, the consumers of every platform event, its API.</summary>
    /// <param name="builder">The service's host builder.</param>
    /// <param name="messaging">False for commands that only work on the database and need no broker.</param>
    public static IHostApplicationBuilder AddStatisticsService(this IHostApplicationBuilder builder, bool messaging = true)
    {
        builder.AddServiceDatabase<StatisticsDbContext>("statistics");
        builder.Services.AddScoped<PlatformFigures>();
        builder.Services.AddScoped<ObservationImporter>();
        builder.Services.AddScoped<Series>();
        builder.Services.AddScoped<IDatabaseSeeder<StatisticsDbContext>, DemoIndicatorsSeeder>();
        builder.Services.AddScoped<IDatabaseSeeder<StatisticsDbContext>, FiguresFromLogSeeder>();
        builder.Services.Configure<ImportOptions>(builder.Configuration.GetSection(ImportOptions.SectionName));
        builder.Services.AddForumOpenApi();
        if (!messaging)
        {
            return builder;
        }

        builder.AddForumMessaging<StatisticsDbContext>("statistics", bus =>
        {
            bus.AddConsumer<ArticleEventsConsumer>();
            bus.AddConsumer<AgendaEventsConsumer>();
            bus.AddConsumer<NotificationEventsConsumer>();
            bus.AddConsumer<IndicatorEventsConsumer>();
        });
        return builder;
    }
}
