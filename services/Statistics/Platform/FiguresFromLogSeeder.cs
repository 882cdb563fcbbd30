using ForumPlatform.Database;
using ForumPlatform.Statistics.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Statistics.Platform;

/// <summary>
/// At start-up, figures missing while the event log has events (a migration that changed how they are counted
/// clears them) are rebuilt from the log before the consumers start.
/// </summary>
internal sealed partial class FiguresFromLogSeeder(PlatformFigures figures, ILogger<FiguresFromLogSeeder> logger) : IDatabaseSeeder<StatisticsDbContext>
{
    public async Task SeedAsync(StatisticsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Counters.AnyAsync(cancellationToken) || !await db.Events.AnyAsync(cancellationToken))
        {
            return;
        }

        var report = await figures.RebuildAsync(cancellationToken);
        LogRebuilt(report.Events, report.Counters, report.Seconds);
    }

    [LoggerMessage(LogLevel.Information, "Rebuilt the platform figures from {Events} logged events: {Counters} counters in {Seconds:N1} s")]
    private partial void LogRebuilt(int events, int counters, double seconds);
}
