using ForumPlatform.Messaging;
using ForumPlatform.Statistics.Consumers;
using ForumPlatform.Statistics.Data;
using ForumPlatform.Statistics.Indicators;

namespace ForumPlatform.Statistics;

public static class StatisticsServiceExtensions
{
    /// <summary>What the statistics service consists of: its database, indicators with their import and derived figures, the consumers of every platform event, its API.</summary>
    public static IHostApplicationBuilder AddStatisticsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<StatisticsDbContext>("statistics");
        builder.Services.AddScoped<PlatformFigures>();
        builder.Services.AddScoped<ObservationImporter>();
        builder.Services.AddScoped<Series>();
        builder.Services.AddScoped<IDatabaseSeeder<StatisticsDbContext>, DemoIndicatorsSeeder>();
        builder.Services.Configure<ImportOptions>(builder.Configuration.GetSection(ImportOptions.SectionName));
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
