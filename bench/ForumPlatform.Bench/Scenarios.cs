using System.Globalization;
using ForumPlatform.Testing;

namespace ForumPlatform.Bench;

/// <summary>What one run collects: timed series, wrk results and notes, printed as one table at the end.</summary>
public sealed class BenchRun
{
    public List<Series> Series { get; } = [];

    public List<LoadResult> Load { get; } = [];

    public Dictionary<string, string> Notes { get; } = [];

    public void Add(IEnumerable<Series> series, IReadOnlyDictionary<string, string>? notes = null)
    {
        Series.AddRange(series);
        foreach (var (key, value) in notes ?? new Dictionary<string, string>())
        {
            Notes[key] = value;
        }
    }
}

/// <summary>
/// One benchmark: its name on the command line, what it does at full size, and how to run it; <c>System</c> says
/// whether it runs against the running platform (every scenario but <c>startup</c>, which starts its own).
/// </summary>
public sealed record Scenario(
    string Name, string Description, Func<RunningForumPlatform?, BenchScale, BenchRun, Task> RunAsync, bool System = true);

/// <summary>Every benchmark, in the order <c>bench/run.sh</c> runs them; the test command runs each of them quick.</summary>
public static class Scenarios
{
    public static readonly IReadOnlyList<Scenario> All =
    [
        new("publish-latency", "200 articles published through the gateway, each timed to the webhook arriving",
            async (system, scale, run) => run.Series.Add(await PublishLatency.RunAsync(system!, scale))),
        new("gateway-overhead", "2,000 GETs each way, straight to a service and through the gateway, alternating",
            async (system, scale, run) =>
            {
                var pair = await GatewayOverhead.RunAsync(system!, scale);
                run.Add(pair, new Dictionary<string, string>
                {
                    ["gateway added latency"] = string.Create(CultureInfo.InvariantCulture,
                        $"median {pair[1].Median - pair[0].Median:F3} ms, p99 {pair[1].Percentile(99) - pair[0].Percentile(99):F3} ms, " +
                        $"ratio of medians {pair[1].Median / pair[0].Median:F2}"),
                });
            }),
        new("gateway-vs-nginx", "wrk against the agenda service direct, through the gateway (and variants of it that show " +
                                "where its time goes), through YARP alone and through nginx; 3 rounds of 10 s, saturated and with 1 connection",
            async (system, scale, run) =>
            {
                var (load, notes) = await GatewayVersusNginx.RunAsync(system!, scale);
                run.Load.AddRange(load);
                run.Add([], notes);
            }),
        new("tokens", "1,000 client-credentials tokens one at a time and 8 in flight; validation of unseen RS256 tokens beside " +
                      "HS256 ones; GETs through the gateway with unseen tokens",
            async (system, scale, run) =>
            {
                var (series, notes) = await Tokens.RunAsync(system!, scale);
                run.Add(series, notes);
            }),
        new("notifications", "500 webhooks at 50 events/s, 500 stream listeners, then fan-out of one event to 1,000 and to 10,000 subscriptions",
            async (system, scale, run) =>
            {
                var (series, notes) = await NotificationDelivery.RunAsync(system!, scale);
                run.Add(series, notes);
            }),
        new("articles-10k", "10,000 articles written through the gateway, then 500 reads of each kind",
            async (system, scale, run) =>
            {
                var (series, notes) = await ArticleReads.RunAsync(system!, scale);
                run.Add(series, notes);
            }),
        new("agenda-500", "500 sessions and 300 speakers through the gateway, two releases, then 200 fetches of each export",
            async (system, scale, run) =>
            {
                var (series, notes) = await AgendaExports.RunAsync(system!, scale);
                run.Add(series, notes);
            }),
        new("website", "pages through the gateway over 10,000 articles and 500 sessions: home, news list, article, agenda day, " +
                       "indicator page, each 200 times; bytes of a first visit; release → move visible on an open page in Chromium, 10 times",
            async (system, scale, run) =>
            {
                var (series, notes) = await WebsitePages.RunAsync(system!, scale);
                run.Add(series, notes);
            }),
        new("statistics", "100,000-row imports through the gateway, counters catching up, then queries over 1,000,000 observations",
            async (system, scale, run) =>
            {
                var (series, notes) = await StatisticsFigures.RunAsync(system!, scale);
                run.Add(series, notes);
            }),
        new("bulk-writes", "10,000 deliveries and 10,000 outbox events in one write, through the change tracker and through BulkInsert, alternating",
            async (_, scale, run) =>
            {
                var (series, notes) = await BulkWrites.RunAsync(scale);
                run.Add(series, notes);
            },
            System: false),
        new("startup", "3 runs of the app host, from the run command to every resource healthy and from Ctrl-C to every process gone",
            async (_, scale, run) => run.Add(await Startup.RunAsync(RabbitMqNode.RepositoryRoot(), scale)),
            System: false),
    ];
}
