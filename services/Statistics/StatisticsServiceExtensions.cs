using ForumPlatform.Database;
using ForumPlatform.Messaging;
using ForumPlatform.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<PlatformFigures>();
        builder.Services.AddScoped<ObservationImporter>();
        builder.Services.AddScoped<Series>();
        builder.Services.AddScoped<IDatabaseSeeder<StatisticsDbContext>, DemoIndicatorsSeeder>();
        builder.Services.AddScoped<IDatabaseSeeder<StatisticsDbContext>, FiguresFromLogSeeder>();
        builder.Services.Configure<ImportOptions>(builder.Configuration.GetSection(ImportOptions.SectionName));
        builder.Services.AddForumOpenApi(
            "Economic statistics: indicators and their observations per reporter, partner and period, imported from CSV or JSON, queried, summed over regions and charted; and platform figures counted from the events of the other services.",
            new Dictionary<string, string>
            {
                ["code"] = "The indicator's code, e.g. trade.china-central-asia.usd.",
                ["indicator"] = "The indicator's code, e.g. trade.china-central-asia.usd.",
                ["reporter"] = "Reporting countries or regions: ISO 3166 alpha-3 or WLD, CAS, CAREC; comma-separated where several are allowed.",
                ["partner"] = "Partner countries or regions: ISO 3166 alpha-3 or WLD, CAS, CAREC; comma-separated where several are allowed.",
                ["from"] = "The first period to include (2024, 2024-Q3, 2024-07), or a year.",
                ["to"] = "The last period to include (2024, 2024-Q3, 2024-07), or a year.",
                ["period"] = "The period: 2024, 2024-Q3 or 2024-07, as the indicator's frequency says.",
                ["page"] = "The page, from 1.",
                ["perPage"] = "Observations per page, 1 to 1,000 (default 100).",
                ["format"] = "json (default) or csv.",
                ["of"] = "The partner whose value is the total (default WLD).",
                ["dryRun"] = "true: check the upload and report what it would change, storing nothing.",
                ["limit"] = "How many, newest first.",
                ["metric"] = "Only this metric, e.g. articles.published.",
                ["days"] = "How many days of delivery latency, newest first (default 30).",
                ["type"] = "Only events of this type, e.g. forum.article.published.",
            });
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
