using ForumPlatform.Bench;
using ForumPlatform.Testing;

// Benchmarks of the running system. Scenarios: publish-latency, gateway-overhead, gateway-vs-nginx, tokens, notifications,
// articles-10k, agenda-500, statistics, startup
// (default: all).
//   bench/run.sh [scenario ...]
var all = new[] { "publish-latency", "gateway-overhead", "gateway-vs-nginx", "tokens", "notifications", "articles-10k", "agenda-500", "statistics", "startup" };
var scenarios = args.Length > 0 ? args : all;
var unknown = scenarios.Except(all).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown scenario(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", all)}");
    return 2;
}

var configuration = Environment.GetEnvironmentVariable("BENCH_CONFIGURATION") ?? "Release";
var results = new List<Series>();
var loadResults = new List<LoadResult>();
var notes = new Dictionary<string, string>();

if (scenarios.Intersect(["publish-latency", "gateway-overhead", "gateway-vs-nginx", "tokens", "notifications", "articles-10k", "agenda-500", "statistics"]).Any())
{
    Console.WriteLine("Starting the system (app host, private RabbitMQ node, identity and four services, gateway)...");
    await using var system = await RunningForumPlatform.StartAsync();
    if (scenarios.Contains("publish-latency"))
    {
        Console.WriteLine("publish-latency: 200 articles...");
        results.Add(await PublishLatency.RunAsync(system, articles: 200));
    }

    if (scenarios.Contains("gateway-overhead"))
    {
        Console.WriteLine("gateway-overhead: 2,000 GETs each way, alternating...");
        var pair = await GatewayOverhead.RunAsync(system, requests: 2000);
        results.AddRange(pair);
        notes["gateway added latency"] = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"median {pair[1].Median - pair[0].Median:F3} ms, p99 {pair[1].Percentile(99) - pair[0].Percentile(99):F3} ms, " +
            $"ratio of medians {pair[1].Median / pair[0].Median:F2}");
    }

    if (scenarios.Contains("gateway-vs-nginx"))
    {
        Console.WriteLine("gateway-vs-nginx: wrk against the agenda service direct, through the gateway (and variants of it that show where its time goes), through YARP alone and through nginx; 3 rounds of 10 s, saturated and with 1 connection...");
        var (load, loadNotes) = await GatewayVersusNginx.RunAsync(system, rounds: 3, duration: TimeSpan.FromSeconds(10), connections: 32);
        loadResults.AddRange(load);
        foreach (var (key, value) in loadNotes)
        {
            notes[key] = value;
        }
    }

    if (scenarios.Contains("tokens"))
    {
        Console.WriteLine("tokens: 1,000 client-credentials tokens one at a time and 8 in flight; validation of unseen RS256 tokens beside HS256 ones; GETs through the gateway with unseen tokens...");
        var (series, tokenNotes) = await Tokens.RunAsync(system, tokens: 1000);
        results.AddRange(series);
        foreach (var (key, value) in tokenNotes)
        {
            notes[key] = value;
        }
    }

    if (scenarios.Contains("notifications"))
    {
        Console.WriteLine("notifications: 500 webhooks at 50 events/s, then fan-out of one event to 1,000 and to 10,000 subscriptions...");
        var (series, notificationNotes) = await NotificationDelivery.RunAsync(system, latencyEvents: 500,
            fanouts: Environment.GetEnvironmentVariable("BENCH_FANOUTS") is { } f ? [.. f.Split(',').Select(int.Parse)] : [1_000, 10_000]);
        results.AddRange(series);
        foreach (var (key, value) in notificationNotes)
        {
            notes[key] = value;
        }
    }

    if (scenarios.Contains("agenda-500"))
    {
        Console.WriteLine("agenda-500: 500 sessions and 300 speakers through the gateway, two releases, then 200 fetches of each export...");
        var (series, agendaNotes) = await AgendaExports.RunAsync(system, sessions: 500, speakers: 300, requests: 200);
        results.AddRange(series);
        foreach (var (key, value) in agendaNotes)
        {
            notes[key] = value;
        }
    }

    if (scenarios.Contains("statistics"))
    {
        Console.WriteLine("statistics: 100,000-row imports through the gateway, counters catching up, then queries over 1,000,000 observations...");
        var (series, statisticsNotes) = await StatisticsFigures.RunAsync(system, importRows: 100_000, requests: 300);
        results.AddRange(series);
        foreach (var (key, value) in statisticsNotes)
        {
            notes[key] = value;
        }
    }

    if (scenarios.Contains("articles-10k"))
    {
        Console.WriteLine("articles-10k: writing 10,000 articles through the gateway, then 500 reads of each kind...");
        var (series, articleNotes) = await ArticleReads.RunAsync(system, articles: 10_000, requests: 500);
        results.AddRange(series);
        foreach (var (key, value) in articleNotes)
        {
            notes[key] = value;
        }
    }
}

if (scenarios.Contains("startup"))
{
    Console.WriteLine("startup: 3 runs of the app host...");
    results.AddRange(await Startup.RunAsync(RabbitMqNode.RepositoryRoot(), configuration, runs: 3));
}

Table.Print(results, notes, loadResults);
return 0;
