using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;
using Microsoft.Data.Sqlite;

namespace ForumPlatform.Bench;

/// <summary>
/// The statistics service: an import of 100,000 rows through the gateway (new values, a dry run, every value
/// changed) with the service's peak memory; the counters catching up with the IndicatorUpdated events those imports
/// raise, and a rebuild of the figures from the event log; then queries through the gateway and direct, alternating,
/// over an indicator of about 1,000,000 observations (201 reporters × 200 partners × 25 years), and the platform
/// figures' delivery latency over 30 days of 2,000 deliveries. Those data sets are written straight into the
/// service's SQLite file by the benchmark (the observations with the totals an import keeps): the import path is measured above, and a million IndicatorUpdated events would take the queue half an hour to drain.
/// </summary>
public static class StatisticsFigures
{
    private const string Scenario = "statistics";

    public static async Task<(IReadOnlyList<Series> Series, IReadOnlyDictionary<string, string> Notes)> RunAsync(
        RunningForumPlatform system, BenchScale scale)
    {
        var (importRows, requests, warmUps) = (scale.Of(100_000, 20), scale.Of(300, 2), scale.Of(20, 1));
        using var analyst = system.Gateway(ForumRoles.Analyst);
        using var admin = system.Gateway(ForumRoles.Admin);
        var run = Guid.NewGuid().ToString("N")[..6];
        var notes = new Dictionary<string, string>();
        var series = new List<Series>();

        var areas = (await analyst.GetFromJsonAsync<JsonElement>("/api/stats/areas"))
            .EnumerateArray().Where(area => area.GetProperty("members").GetArrayLength() == 0 && area.GetProperty("code").GetString() != "WLD")
            .Select(area => area.GetProperty("code").GetString()!).ToList();

        // 1. Import: reporters × partners × years adding up to the row count.
        var imported = $"bench.import.{run}";
        await DefineAsync(analyst, imported, "annual");
        var csv = Csv(imported, areas, importRows, valueOffset: 0);
        var changedCsv = Csv(imported, areas, importRows, valueOffset: 1);
        var memoryBefore = ArticleReads.PeakMemory("ForumPlatform.Statistics");
        var insert = await ImportAsync(analyst, csv, dryRun: false);
        var memoryAfterInsert = ArticleReads.PeakMemory("ForumPlatform.Statistics");
        var committed = Stopwatch.StartNew();
        var dryRuns = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            dryRuns.Add(await ImportAsync(analyst, csv, dryRun: true));
        }

        var changed = await ImportAsync(analyst, changedCsv, dryRun: false);
        series.Add(new Series(Scenario, $"import {importRows / 1000}k rows, all new", [insert]));
        series.Add(new Series(Scenario, $"import {importRows / 1000}k rows, dry run", dryRuns));
        series.Add(new Series(Scenario, $"import {importRows / 1000}k rows, all changed", [changed]));
        notes["statistics import"] = $"{csv.Length / 1e6:F1} MB of CSV; peak memory (VmHWM) before {memoryBefore}, after the first import {memoryAfterInsert}, " +
                                     $"at the end of the imports {ArticleReads.PeakMemory("ForumPlatform.Statistics")}";

        // 2. Counters: the 2 × rows IndicatorUpdated events go out through the outbox and come back through the broker.
        var expected = 2L * importRows;
        await Eventually.TrueAsync(async () => await CountedAsync(admin, imported) >= expected, TimeSpan.FromMinutes(15),
            "statistics to count every IndicatorUpdated of the imports");
        committed.Stop();
        notes["statistics counters, live"] = string.Create(CultureInfo.InvariantCulture,
            $"{expected:N0} IndicatorUpdated counted {committed.Elapsed.TotalSeconds:F1} s after the first import returned " +
            $"({expected / committed.Elapsed.TotalSeconds:F0} events/s through outbox relay, broker, inbox and counters, while the other imports ran)");
        var rebuild = await (await admin.PostAsync("/api/stats/platform/rebuild", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var rebuilt = rebuild.GetProperty("events").GetInt32();
        var seconds = rebuild.GetProperty("seconds").GetDouble();
        notes["statistics counters, rebuild"] = string.Create(CultureInfo.InvariantCulture,
            $"{rebuilt:N0} logged events recounted in {seconds:F2} s ({rebuilt / seconds:F0} events/s)");

        // 3. Queries over about a million observations.
        var matrix = $"bench.matrix.{run}";
        await DefineAsync(analyst, matrix, "annual");
        var reporters = areas.Where(code => code != "CHN").Take(scale.Of(200, 0)).Prepend("CHN").ToList();
        var partners = areas.Take(200).ToList();
        var writing = Stopwatch.StartNew();
        var written = await WriteMatrixAsync(system.DatabasePath("statistics"), matrix, reporters, partners, scale.Of(2000, 2023), 2024);
        notes["statistics query data"] = $"{written:N0} observations of {matrix} written into the SQLite file in {writing.Elapsed.TotalSeconds:F1} s";

        using var gateway = system.Gateway();
        using var direct = system.Client("statistics");
        var queries = new (string Name, string Path, int Requests)[]
        {
            ("one series, 25 years", $"/api/stats/observations?indicator={matrix}&reporter=CHN&partner=KAZ", requests),
            ("reporter × all partners, 2020–24, page 1/10", $"/api/stats/observations?indicator={matrix}&reporter=CHN&from=2020&to=2024", requests),
            ("partner × all reporters, 2024", $"/api/stats/observations?indicator={matrix}&partner=KAZ&from=2024&to=2024", requests),
            ("yoy of the sum over CAS members", $"/api/stats/indicators/{matrix}/series/yoy?reporter=CHN&region=CAS", requests),
            ("one series as CSV", $"/api/stats/observations?indicator={matrix}&reporter=CHN&partner=KAZ&format=csv", requests),
            ("whole indicator (1M), page 1", $"/api/stats/observations?indicator={matrix}", requests),
            ("whole indicator (1M), page 5,000", $"/api/stats/observations?indicator={matrix}&page={scale.Of(5000, 2)}", scale.Of(Math.Max(20, requests / 10), 1)),
        };
        foreach (var (name, path, count) in queries)
        {
            var (directTimes, gatewayTimes) = await AlternatingGets.TimeAsync(direct, gateway, path, warmUps, count);
            series.Add(new Series(Scenario, $"{name}, direct", directTimes));
            series.Add(new Series(Scenario, $"{name}, gateway", gatewayTimes));
        }

        // 4. The platform figures' delivery latency: 30 days of 2,000 deliveries each, written straight into the file.
        var (latencyDays, deliveriesPerDay) = (scale.Of(30, 2), scale.Of(2000, 3));
        await WriteDeliveryLatenciesAsync(system.DatabasePath("statistics"), latencyDays, deliveriesPerDay);
        var (directFigures, gatewayFigures) = await AlternatingGets.TimeAsync(
            direct, gateway, $"/api/stats/platform?metric=none&days={latencyDays}", warmUps, requests);
        series.Add(new Series(Scenario, $"delivery latency, {latencyDays} days × {deliveriesPerDay:N0}, direct", directFigures));
        series.Add(new Series(Scenario, $"delivery latency, {latencyDays} days × {deliveriesPerDay:N0}, gateway", gatewayFigures));

        return (series, notes);
    }

    private static async Task DefineAsync(HttpClient analyst, string code, string frequency) =>
        (await analyst.PutAsJsonAsync($"/api/stats/indicators/{code}", new
        {
            name = $"Benchmark indicator {code} (sample data)",
            unit = "USD",
            scale = 6,
            frequency,
            source = new { organization = "ForumPlatform benchmark (sample data)" },
        })).EnsureSuccessStatusCode();

    private static string Csv(string indicator, List<string> areas, int rows, int valueOffset)
    {
        const int years = 50;
        var builder = new StringBuilder("indicator,reporter,partner,period,value,status,note\n");
        var written = 0;
        for (var r = 0; written < rows; r++)
        {
            for (var p = 0; p < areas.Count && written < rows; p++)
            {
                if (p == r)
                {
                    continue;
                }

                for (var year = 2024 - years + 1; year <= 2024 && written < rows; year++, written++)
                {
                    builder.Append(CultureInfo.InvariantCulture,
                        $"{indicator},{areas[r]},{areas[p]},{year},{(written % 9973) / 10.0 + valueOffset},{(year == 2024 ? "provisional" : "")},\n");
                }
            }
        }

        return builder.ToString();
    }

    private static async Task<double> ImportAsync(HttpClient analyst, string csv, bool dryRun)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var started = Stopwatch.GetTimestamp();
        using var response = await analyst.PostAsync($"/api/stats/imports{(dryRun ? "?dryRun=true" : "")}", content);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Import failed with {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        }

        return elapsed;
    }

    private static async Task<long> CountedAsync(HttpClient client, string indicator)
    {
        var figures = await client.GetFromJsonAsync<JsonElement>("/api/stats/platform?metric=indicators.updated&days=1");
        return figures.GetProperty("metrics").TryGetProperty("indicators.updated", out var metric)
            && metric.TryGetProperty($"indicator:{indicator}", out var value) ? value.GetInt64() : 0;
    }

    /// <summary>
    /// Delivery latencies on days after any real one (from 2200-01-01), so they are the most recent days the figures
    /// show; the milliseconds spread over 1–500 in an order that is not sorted.
    /// </summary>
    private static async Task WriteDeliveryLatenciesAsync(string databasePath, int days, int perDay)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False;Default Timeout=60");
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = """INSERT INTO "DeliveryLatencies" ("Day", "Milliseconds") VALUES ($day, $milliseconds)""";
        var day = command.Parameters.Add("$day", SqliteType.Text);
        var milliseconds = command.Parameters.Add("$milliseconds", SqliteType.Real);
        for (var d = 0; d < days; d++)
        {
            day.Value = new DateOnly(2200, 1, 1).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var i = 0; i < perDay; i++)
            {
                milliseconds.Value = 1 + (i * 7919 % 5000) / 10.0;
                await command.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    /// <summary>Rows in the service's own format (upper-case GUID text, UTC time text, invariant decimals), one transaction.</summary>
    private static async Task<int> WriteMatrixAsync(string databasePath, string indicator, List<string> reporters, List<string> partners, int firstYear, int lastYear)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False;Default Timeout=60");
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = """
            INSERT INTO "Observations" ("IndicatorCode", "Reporter", "Partner", "Period", "Value", "Status", "SourceNote", "UpdatedAt", "ImportId")
            VALUES ($indicator, $reporter, $partner, $period, $value, NULL, NULL, $now, $import)
            """;
        command.Parameters.AddWithValue("$indicator", indicator);
        command.Parameters.AddWithValue("$now", DateTime.UtcNow);
        command.Parameters.AddWithValue("$import", Guid.NewGuid().ToString().ToUpperInvariant());
        var reporter = command.Parameters.Add("$reporter", SqliteType.Text);
        var partner = command.Parameters.Add("$partner", SqliteType.Text);
        var period = command.Parameters.Add("$period", SqliteType.Text);
        var value = command.Parameters.Add("$value", SqliteType.Text);
        var count = 0;
        foreach (var r in reporters)
        {
            foreach (var p in partners.Where(p => p != r))
            {
                for (var year = firstYear; year <= lastYear; year++)
                {
                    reporter.Value = r;
                    partner.Value = p;
                    period.Value = year.ToString(CultureInfo.InvariantCulture);
                    value.Value = ((count % 99991) / 10.0).ToString(CultureInfo.InvariantCulture);
                    await command.ExecuteNonQueryAsync();
                    count++;
                }
            }
        }

        // The totals an import keeps for the indicator's page header.
        await using var totals = connection.CreateCommand();
        totals.Transaction = (SqliteTransaction)transaction;
        totals.CommandText = """UPDATE "Indicators" SET "ObservationCount" = "ObservationCount" + $count, "ObservationsUpdatedAt" = $now WHERE "Code" = $indicator""";
        totals.Parameters.AddWithValue("$count", count);
        totals.Parameters.AddWithValue("$now", DateTime.UtcNow);
        totals.Parameters.AddWithValue("$indicator", indicator);
        await totals.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return count;
    }
}
