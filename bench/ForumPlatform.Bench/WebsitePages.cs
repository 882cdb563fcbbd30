using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;
using Microsoft.Playwright;

namespace ForumPlatform.Bench;

/// <summary>
/// The website over a newsroom of 10,000 articles and a programme of 500 sessions (topped up through the API to those
/// sizes): server-rendered pages through the gateway (home, news list, an article, the busiest agenda day, an indicator
/// page), each timed in turn; the bytes of a first visit to each (HTML, CSS and JS as sent, compressed; images and the
/// chart left out); and, in Chromium, the time from a release through the API to the move showing on an open page.
/// </summary>
public static partial class WebsitePages
{
    private const string Forum = "/api/agenda/forums/tianshan-forum-2025";

    public static async Task<(IReadOnlyList<Series> Series, IReadOnlyDictionary<string, string> Notes)> RunAsync(
        RunningForumPlatform system, BenchScale scale)
    {
        var (articles, sessions, requests, releases) = (scale.Of(10_000, 10), scale.Of(500, 6), scale.Of(200, 2), scale.Of(10, 1));
        var notes = new Dictionary<string, string>();
        await TopUpAsync(system, articles, sessions, notes);

        using var api = system.Gateway();
        using var visitor = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = api.BaseAddress };
        var slug = (await api.GetFromJsonAsync<JsonElement>("/api/articles?limit=1")).GetProperty("items")[0].GetProperty("slug").GetString();
        var days = await api.GetFromJsonAsync<JsonElement>($"{Forum}/days");
        var busiest = days.EnumerateArray().MaxBy(day => day.GetProperty("sessions").GetInt32()).GetProperty("date").GetString();
        var pages = new (string Name, string Path)[]
        {
            ("home", "/"),
            ("news list", "/news"),
            ("article", $"/news/{slug}"),
            ($"agenda day ({busiest})", $"/agenda?day={busiest}"),
            ("indicator page", "/figures/sample.trade.china-bilateral.usd"),
        };

        var series = new List<Series>();
        foreach (var (name, path) in pages)
        {
            series.Add(await ArticleReads.TimeAsync(visitor, "website", name, path, requests));
            notes[$"first visit, {name}"] = await FirstVisitBytesAsync(system, path);
        }

        series.Add(await ReleaseToVisibleAsync(system, releases));
        return (series, notes);
    }

    /// <summary>Writes what is missing for <paramref name="articles"/> published articles and <paramref name="sessions"/> released sessions.</summary>
    private static async Task TopUpAsync(RunningForumPlatform system, int articles, int sessions, Dictionary<string, string> notes)
    {
        using var reader = system.Gateway();
        using var editor = system.Gateway(ForumRoles.Editor);
        using var organizer = system.Gateway(ForumRoles.Organizer);
        var published = await PublishedArticlesAsync(reader);
        if (published < articles)
        {
            await ArticleReads.WriteManyAsync(editor, Guid.NewGuid().ToString("N")[..6], (int)(articles - published));
        }

        var scheduled = (await reader.GetFromJsonAsync<JsonElement>($"{Forum}/schedule")).GetProperty("sessions").GetArrayLength();
        if (scheduled < sessions)
        {
            await AgendaExports.WriteProgrammeAsync(organizer, $"Web bench {Guid.NewGuid():N}"[..18], sessions - scheduled, speakers: 60);
            (await organizer.PostAsJsonAsync($"{Forum}/releases", new { comment = "Bench: the website's programme." })).EnsureSuccessStatusCode();
        }

        // The other consumers are still busy with the events of what was written; pages are timed once they are done.
        await Eventually.TrueAsync(async () => await PublishedArticlesAsync(reader) >= articles, TimeSpan.FromMinutes(10),
            "statistics to count every published article");
        await Task.Delay(TimeSpan.FromSeconds(3));
        notes["data"] = $"{await PublishedArticlesAsync(reader):N0} published articles, " +
                        $"{(await reader.GetFromJsonAsync<JsonElement>($"{Forum}/schedule")).GetProperty("sessions").GetArrayLength()} released sessions";
    }

    private static async Task<long> PublishedArticlesAsync(HttpClient reader)
    {
        var metrics = (await reader.GetFromJsonAsync<JsonElement>("/api/stats/platform")).GetProperty("metrics");
        return metrics.TryGetProperty("articles.published", out var metric) && metric.TryGetProperty("all", out var all) ? all.GetInt64() : 0;
    }

    /// <summary>The page, its stylesheets and scripts as a browser with an empty cache gets them (Brotli or gzip), in KiB.</summary>
    private static async Task<string> FirstVisitBytesAsync(RunningForumPlatform system, string path)
    {
        using var gateway = system.Gateway();
        using var browser = new HttpClient { BaseAddress = gateway.BaseAddress };
        browser.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
        var page = await browser.GetAsync(path);
        var html = await page.Content.ReadAsByteArrayAsync();
        using var reader = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = gateway.BaseAddress };
        var text = await reader.GetStringAsync(path);
        var total = (long)html.Length;
        var assets = Asset().Matches(text).Select(match => match.Groups[2].Value).Distinct().ToList();
        foreach (var asset in assets)
        {
            total += (await (await browser.GetAsync("/" + asset.TrimStart('/'))).Content.ReadAsByteArrayAsync()).Length;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{total / 1024.0:F1} KiB (HTML {html.Length / 1024.0:F1} KiB {page.Content.Headers.ContentEncoding.FirstOrDefault() ?? "uncompressed"}, {assets.Count} CSS/JS files)");
    }

    /// <summary>
    /// A session moved and released through the API while its programme page is open in Chromium: the time from sending
    /// the release to the moved time showing on the page, which follows the notification stream.
    /// </summary>
    private static async Task<Series> ReleaseToVisibleAsync(RunningForumPlatform system, int releases)
    {
        using var organizer = system.Gateway(ForumRoles.Organizer);
        var room = await IdAsync(await organizer.PostAsJsonAsync($"{Forum}/rooms", new { name = $"Live bench {Guid.NewGuid():N}"[..18], capacity = 10 }));
        var start = new DateTimeOffset(2025, 12, 3, 21, 0, 0, TimeSpan.FromHours(8));
        var session = await IdAsync(await organizer.PostAsJsonAsync($"{Forum}/sessions", Moving(room, start)));
        (await organizer.PostAsJsonAsync($"{Forum}/releases", new { comment = "Bench: a session to move." })).EnsureSuccessStatusCode();

        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("FORUM_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
        });
        var page = await chromium.NewPageAsync(new BrowserNewPageOptions { BaseURL = organizer.BaseAddress!.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync("/agenda?day=2025-12-03");
        await page.Locator("html[data-live=open]").WaitForAsync(new() { Timeout = 30_000 });
        var cell = page.Locator($"table.programme-grid [data-session='{session}']");

        var times = new List<double>(releases);
        for (var i = 1; i <= releases; i++)
        {
            // Alternating between two times, five minutes apart.
            var at = start.AddMinutes(i % 2 == 1 ? 5 : 0);
            (await SessionWrites.EditAsync(organizer, Forum, $"{session}", Moving(room, at))).EnsureSuccessStatusCode();
            var expected = at.ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm", CultureInfo.InvariantCulture);
            var started = Stopwatch.GetTimestamp();
            (await organizer.PostAsJsonAsync($"{Forum}/releases", new { comment = $"Bench: move {i}." })).EnsureSuccessStatusCode();
            await cell.GetByText(expected, new() { Exact = false }).First.WaitForAsync(new() { Timeout = 30_000 });
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new Series("website", "release → visible on an open page", times);
    }

    private static object Moving(string room, DateTimeOffset start) => new
    {
        title = "Bench live session",
        type = "panel",
        start = start.ToString("o", CultureInfo.InvariantCulture),
        end = start.AddMinutes(30).ToString("o", CultureInfo.InvariantCulture),
        roomId = room,
        language = "en",
    };

    private static async Task<string> IdAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!
            : throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
    }

    [GeneratedRegex("""<(link rel="stylesheet" href|script src)="([^"]+)""")]
    private static partial Regex Asset();
}
