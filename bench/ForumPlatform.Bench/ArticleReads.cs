using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.Bench;

/// <summary>
/// Reads over a newsroom of 10,000 published articles, through the gateway: the newest page, a tag-filtered page,
/// full-text searches (words in a third, about half, and a thousandth of the articles) and the RSS feed; then the articles
/// service's peak resident memory (VmHWM). The articles are written through the API, eight writers at a time.
/// </summary>
public static class ArticleReads
{
    private static readonly string[] Themes = ["transport", "energy", "digital", "trade", "finance"];
    // A vocabulary of 120 words, 80 drawn per body: an ordinary word is in about half the articles. "corridor" is
    // put into every third article (the common word searched), and one rare word into every thousandth.
    private static readonly string[] Words =
    [
        .. new[] { "pipeline", "railway", "tariff", "grid", "fiber", "customs", "investment", "logistics", "border", "transit" },
        .. Enumerable.Range(0, 110).Select(i => $"term{i}"),
    ];

    public static async Task<(IReadOnlyList<Series> Series, IReadOnlyDictionary<string, string> Notes)> RunAsync(
        RunningForumPlatform system, BenchScale scale)
    {
        var (articles, requests) = (scale.Of(10_000, 10), scale.Of(500, 2));
        using var editor = system.Gateway(ForumRoles.Editor);
        using var reader = system.Gateway();
        var run = Guid.NewGuid().ToString("N")[..6];

        var writing = Stopwatch.StartNew();
        await WriteManyAsync(editor, run, articles);
        writing.Stop();

        // The other services are still consuming the 10,000 ArticlePublished events; reads are timed once they are done,
        // so the figures are the articles service's, not the other consumers' share of two cores.
        using var admin = system.Gateway(ForumRoles.Admin);
        await Eventually.TrueAsync(async () =>
        {
            var figures = await admin.GetFromJsonAsync<JsonElement>("/api/stats/platform");
            return figures.GetProperty("metrics").TryGetProperty("articles.published", out var metric)
                && metric.GetProperty("tag:bench").GetInt64() >= articles;
        }, TimeSpan.FromMinutes(5), "statistics to consume every ArticlePublished");
        await Task.Delay(TimeSpan.FromSeconds(3));

        var rare = $"rare{run}";
        var series = new List<Series>
        {
            await TimeAsync(reader, "articles-10k", "list newest 20", "/api/articles?limit=20", requests),
            await TimeAsync(reader, "articles-10k", "list by tag, 20", "/api/articles?tag=theme-energy&limit=20", requests),
            await TimeAsync(reader, "articles-10k", "search word in 1/3 of articles", "/api/articles/search?q=corridor", requests),
            await TimeAsync(reader, "articles-10k", "search word in ~1/2 of articles", "/api/articles/search?q=railway", requests),
            await TimeAsync(reader, "articles-10k", "search rare word", $"/api/articles/search?q={rare}", requests),
            await TimeAsync(reader, "articles-10k", "RSS feed (50 items)", "/api/articles/feed.rss", requests),
        };

        var notes = new Dictionary<string, string>
        {
            ["articles written"] = $"{articles:N0} in {writing.Elapsed.TotalSeconds:F1} s ({articles / writing.Elapsed.TotalSeconds:F0}/s create+publish, 8 writers)",
            ["articles service peak memory"] = PeakMemory("ForumPlatform.Articles"),
        };
        return (series, notes);
    }

    /// <summary>Creates and publishes <paramref name="articles"/> articles through the API, eight writers at a time.</summary>
    internal static async Task WriteManyAsync(HttpClient editor, string run, int articles)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < articles)
            {
                await WriteAsync(editor, run, i);
            }
        }));
    }

    private static async Task WriteAsync(HttpClient editor, string run, int i)
    {
        var theme = Themes[i % Themes.Length];
        var random = new Random(i);
        var body = string.Join(' ', Enumerable.Range(0, 80).Select(_ => Words[random.Next(Words.Length)]));
        if (i % 3 == 0)
        {
            body += " corridor";
        }

        var created = await editor.PostAsJsonAsync("/api/articles", new
        {
            title = $"Bench article {run} {i} on {theme}",
            language = "en",
            summary = $"Sample data: article {i} of the read benchmark.",
            body = i % 1000 == 0 ? $"{body} rare{run}" : body,
            tags = new[] { $"theme-{theme}", "bench" },
            themes = new[] { theme },
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{id}/publish");
        publish.Headers.IfMatch.Add(created.Headers.ETag!);
        (await editor.SendAsync(publish)).EnsureSuccessStatusCode();
    }

    /// <summary>GETs of one path, one after another after up to 20 warm-up ones, each timed to its last byte.</summary>
    internal static async Task<Series> TimeAsync(HttpClient client, string scenario, string name, string path, int requests)
    {
        for (var i = 0; i < Math.Min(20, requests); i++) // warm-up
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new Series(scenario, name, times);
    }

    /// <summary>VmHWM (peak resident set) of the process whose command line names the service's binary.</summary>
    internal static string PeakMemory(string processName)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline"));
                if (!commandLine.Contains($"/{processName}", StringComparison.Ordinal) || commandLine.Contains("dotnet\0run", StringComparison.Ordinal))
                {
                    continue;
                }

                var peak = File.ReadAllLines(Path.Combine(directory, "status")).FirstOrDefault(line => line.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (peak is not null)
                {
                    return $"{peak["VmHWM:".Length..].Trim()} (VmHWM)";
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return "not found";
    }
}
