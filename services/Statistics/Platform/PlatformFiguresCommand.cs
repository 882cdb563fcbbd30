using ForumPlatform.Statistics.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Statistics.Platform;

/// <summary>
/// <c>dotnet run --project services/Statistics -- rebuild-figures</c>: migrates the database if needed, recomputes the
/// figures from the event log and prints what it did. It needs only the database (same connection string
/// <c>ConnectionStrings:statistics-db</c>, default <c>data/statistics.db</c>): no broker, no web server. Run it while
/// the service is stopped, or use POST /api/stats/platform/rebuild (admin) while it runs.
/// </summary>
public static class PlatformFiguresCommand
{
    public const string Name = "rebuild-figures";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddStatisticsService(messaging: false);
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
        await db.Database.MigrateAsync();
        var report = await scope.ServiceProvider.GetRequiredService<PlatformFigures>().RebuildAsync(CancellationToken.None);
        Console.WriteLine(
            $"Rebuilt the platform figures of {db.Database.GetDbConnection().DataSource} from {report.Events:N0} logged events " +
            $"({report.Skipped:N0} of unknown types skipped): {report.Counters:N0} counters, {report.Latencies:N0} latencies, in {report.Seconds:N1} s.");
        return 0;
    }
}
