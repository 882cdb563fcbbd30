using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.Contracts;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Statistics.Indicators;
using ForumPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Statistics.Tests;

[Collection(StatisticsCollection.Name)]
public sealed class ImportTests(StatisticsServiceFixture service)
{
    private const string Header = "indicator,reporter,partner,period,value,status,note\n";

    private async Task<JsonElement> ObservationsAsync(string indicator, string query = "") =>
        await StatisticsServiceFixture.Read(await service.Anonymous().GetAsync($"/api/stats/observations?indicator={indicator}{query}"));

    [Fact]
    public async Task A_valid_upload_is_stored_with_values_statuses_and_notes_and_empty_values_as_not_available()
    {
        var code = await service.DefineIndicatorAsync();
        var csv = Header +
                  $"{code},CHN,KAZ,2023,41.5,,Customs\n" +
                  $"{code},chn,kgz,2023,,estimated,\"Not reported, estimated later\"\n" +
                  $"{code},CHN,KAZ,2024,4.38E1,provisional,\n";

        var report = await StatisticsServiceFixture.Read(await service.UploadCsvAsync(csv, byteOrderMark: true));

        Assert.True(report.GetProperty("stored").GetBoolean());
        Assert.Equal((3, 3, 0), (report.GetProperty("rows").GetInt32(), report.GetProperty("inserted").GetInt32(), report.GetProperty("changed").GetInt32()));
        var observations = (await ObservationsAsync(code)).GetProperty("observations").EnumerateArray().ToList();
        Assert.Equal(3, observations.Count);
        Assert.Equal(("KAZ", "2023", 41.5m, "Customs"), (observations[0].GetProperty("partner").GetString(), observations[0].GetProperty("period").GetString(),
            observations[0].GetProperty("value").GetDecimal(), observations[0].GetProperty("note").GetString()));
        Assert.Equal(43.8m, observations[1].GetProperty("value").GetDecimal());
        Assert.Equal("provisional", observations[1].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, observations[2].GetProperty("value").ValueKind);
        Assert.Equal(("KGZ", "estimated", "Not reported, estimated later"), (observations[2].GetProperty("partner").GetString(),
            observations[2].GetProperty("status").GetString(), observations[2].GetProperty("note").GetString()));

        // The indicator keeps its totals for the page header of unfiltered queries.
        await StatisticsServiceFixture.Read(await service.UploadCsvAsync(Header + $"{code},CHN,KAZ,2023,41.6,,Customs\n{code},CHN,UZB,2023,1,,\n"));
        var indicator = await StatisticsServiceFixture.Read(await service.Anonymous().GetAsync($"/api/stats/indicators/{code}"));
        Assert.Equal(4, indicator.GetProperty("observations").GetInt32());
        Assert.Equal(4, (await ObservationsAsync(code)).GetProperty("page").GetProperty("total").GetInt32());

        // One moment for the whole import: the rows it wrote and the indicator's totals say the same time.
        var written = (await ObservationsAsync(code, "&from=2023&to=2023")).GetProperty("observations").EnumerateArray()
            .Where(observation => observation.GetProperty("partner").GetString() is "KAZ" or "UZB")
            .Select(observation => observation.GetProperty("lastUpdated").GetDateTimeOffset())
            .ToList();
        Assert.Equal(2, written.Count);
        Assert.All(written, at => Assert.Equal(indicator.GetProperty("observationsUpdatedAt").GetDateTimeOffset(), at));
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_line_column_and_reason_and_nothing_is_stored()
    {
        var code = await service.DefineIndicatorAsync();
        var csv = Header +
                  $"{code},CHN,KAZ,2024,10,,\n" +          // row 1: good
                  "no.such.indicator,CHN,KAZ,2024,1,,\n" +   // row 2
                  $"{code},CHN,KAZ,2024-Q3,1,,\n" +          // row 3: not an annual period
                  $"{code},CHN,KAZ,2022,lots,,\n" +          // row 4
                  $"{code},CHN,XXX,2022,1,,\n" +             // row 5
                  $"{code},CHN,KAZ,2024,11,,\n" +            // row 6: duplicate of row 1
                  $"{code},CHN,KGZ,2024,\"1,234\",,\n" +     // row 7: thousands separator
                  $"{code},CHN,KGZ,2023,\"1,5\",,\n" +       // row 8: decimal comma
                  $"{code},CHN,TJK,2023,1,final,\n" +        // row 9: unknown status
                  $"{code},CHN,TJK,2022,1,,,extra\n";        // row 10: too many fields

        var response = await service.UploadCsvAsync(csv);

        var problem = await StatisticsServiceFixture.ReadProblem(response, 400);
        Assert.Equal("9 of 10 rows are bad; nothing was stored.", problem.GetProperty("title").GetString());
        var rows = problem.GetProperty("rows").EnumerateArray()
            .Select(row => (Row: row.GetProperty("row").GetInt32(), Line: row.GetProperty("line").GetInt32(),
                Column: row.GetProperty("column").GetString(), Error: row.GetProperty("error").GetString()!))
            .ToList();
        Assert.Contains(rows, row => row is { Row: 2, Line: 3, Column: "indicator" } && row.Error.StartsWith("Unknown indicator", StringComparison.Ordinal));
        Assert.Contains(rows, row => row is { Row: 3, Line: 4, Column: "period" } && row.Error.Contains("annual periods look like 2024", StringComparison.Ordinal));
        Assert.Contains(rows, row => row is { Row: 4, Column: "value" } && row.Error.StartsWith("Not a number", StringComparison.Ordinal));
        Assert.Contains(rows, row => row is { Row: 5, Column: "partner" } && row.Error.StartsWith("Unknown country or region code", StringComparison.Ordinal));
        Assert.Contains(rows, row => row is { Row: 6, Line: 7, Column: null } && row.Error.StartsWith("Duplicate row: row 1 already gives", StringComparison.Ordinal));
        Assert.Contains(rows, row => row is { Row: 7, Column: "value" } && row.Error.StartsWith("Thousands separators", StringComparison.Ordinal));
        Assert.Contains(rows, row => row is { Row: 8, Column: "value" } && row.Error.StartsWith("Thousands separators", StringComparison.Ordinal));
        Assert.Contains(rows, row => row is { Row: 9, Column: "status" });
        Assert.Contains(rows, row => row is { Row: 10, Line: 11 } && row.Error == "The row has 8 fields; the header has 7.");
        Assert.DoesNotContain(rows, row => row.Row == 1);
        Assert.True(problem.GetProperty("errors").TryGetProperty("row 2 (line 3): indicator", out _));

        var stored = await ObservationsAsync(code);
        Assert.Equal(0, stored.GetProperty("page").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_change_and_stores_nothing()
    {
        var code = await service.DefineIndicatorAsync();
        await StatisticsServiceFixture.Read(await service.UploadCsvAsync(Header + $"{code},CHN,KAZ,2023,1,,\n{code},CHN,KAZ,2024,2,,\n"));

        var report = await StatisticsServiceFixture.Read(await service.UploadCsvAsync(
            Header + $"{code},CHN,KAZ,2023,1,,\n{code},CHN,KAZ,2024,3,,\n{code},CHN,UZB,2024,4,,\n", dryRun: true));

        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.False(report.GetProperty("stored").GetBoolean());
        Assert.Equal((1, 1, 1), (report.GetProperty("inserted").GetInt32(), report.GetProperty("changed").GetInt32(), report.GetProperty("unchanged").GetInt32()));
        var stored = await ObservationsAsync(code);
        Assert.Equal(2, stored.GetProperty("page").GetProperty("total").GetInt32());
        Assert.Equal(2m, stored.GetProperty("observations")[1].GetProperty("value").GetDecimal());

        var bad = await StatisticsServiceFixture.Read(await service.UploadCsvAsync(Header + $"{code},CHN,KAZ,2024,x,,\n", dryRun: true));
        Assert.Equal(1, bad.GetProperty("badRows").GetInt32());
        Assert.Equal("value", bad.GetProperty("errors")[0].GetProperty("column").GetString());
        Assert.Empty(bad.GetProperty("preview").EnumerateArray());
    }

    [Fact]
    public async Task A_file_of_bad_rows_lists_the_first_thousand_problems_and_counts_them_all()
    {
        var code = await service.DefineIndicatorAsync();
        var csv = Header + string.Concat(Enumerable.Range(0, 1005).Select(_ => $"{code},CHN,KAZ,2024,\"1,5\",,\n"));

        var report = await StatisticsServiceFixture.Read(await service.UploadCsvAsync(csv, dryRun: true));

        Assert.Equal((1005, 1005, ObservationImporter.ListedProblems), (report.GetProperty("badRows").GetInt32(),
            report.GetProperty("problemsFound").GetInt32(), report.GetProperty("errors").GetArrayLength()));
        Assert.Equal(1001, report.GetProperty("errors")[999].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task A_dry_run_previews_each_changed_series_whole_as_the_import_would_leave_it()
    {
        var code = await service.DefineIndicatorAsync();
        await StatisticsServiceFixture.Read(await service.UploadCsvAsync(
            Header + $"{code},CHN,KAZ,2022,1,,\n{code},CHN,KAZ,2023,2,,\n{code},CHN,KAZ,2024,3,,\n{code},CHN,TJK,2024,9,,\n"));

        var report = await StatisticsServiceFixture.Read(await service.UploadCsvAsync(
            Header + $"{code},CHN,KAZ,2023,2,,\n{code},CHN,KAZ,2024,3.5,provisional,\n{code},CHN,KAZ,2025,4,forecast,\n" +
                     $"{code},CHN,UZB,2024,7,,\n{code},CHN,TJK,2024,9,,\n", dryRun: true));

        Assert.Equal(2, report.GetProperty("seriesChanged").GetInt32()); // CHN→TJK is uploaded as stored
        var previews = report.GetProperty("preview").EnumerateArray().ToList();
        Assert.Equal([("KAZ", 2), ("UZB", 1)], previews.Select(p => (p.GetProperty("partner").GetString(), p.GetProperty("changes").GetInt32())));
        var kazakhstan = previews[0].GetProperty("points").EnumerateArray()
            .Select(p => (p.GetProperty("period").GetString(), p.GetProperty("value").GetDecimal(), p.GetProperty("change").GetString(),
                p.GetProperty("before").ValueKind == JsonValueKind.Null ? (decimal?)null : p.GetProperty("before").GetDecimal()))
            .ToList();
        Assert.Equal(
            [("2022", 1m, "kept", 1m), ("2023", 2m, "unchanged", 2m), ("2024", 3.5m, "changed", 3m), ("2025", 4m, "new", null)],
            kazakhstan);
        Assert.Equal("forecast", previews[0].GetProperty("points")[3].GetProperty("status").GetString());
        Assert.Equal(3m, (await ObservationsAsync(code, "&partner=KAZ&from=2024&to=2024")).GetProperty("observations")[0].GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task The_import_history_names_who_imported()
    {
        var code = await service.DefineIndicatorAsync();
        var stored = await StatisticsServiceFixture.Read(await service.UploadCsvAsync(Header + $"{code},CHN,KAZ,2024,1,,\n"));

        var history = await StatisticsServiceFixture.Read(await service.Analyst().GetAsync("/api/stats/imports?limit=500"));

        var import = Assert.Single(history.EnumerateArray(), i => i.GetProperty("id").GetGuid() == stored.GetProperty("importId").GetGuid());
        Assert.Equal((TestAuthority.NameOf("test-analyst"), 1), (import.GetProperty("importedByName").GetString(), import.GetProperty("inserted").GetInt32()));
    }

    [Fact]
    public async Task Reimporting_a_period_replaces_its_value_keeps_the_previous_one_and_raises_IndicatorUpdated_with_both()
    {
        var code = await service.DefineIndicatorAsync();
        await StatisticsServiceFixture.Read(await service.UploadCsvAsync(Header + $"{code},CHN,KAZ,2024,94.8,provisional,first\n"));

        var report = await StatisticsServiceFixture.Read(await service.UploadCsvAsync(Header + $"{code},CHN,KAZ,2024,95.1,,revised\n"));
        var again = await StatisticsServiceFixture.Read(await service.UploadCsvAsync(Header + $"{code},CHN,KAZ,2024,95.10,,revised\n"));

        Assert.Equal(1, report.GetProperty("changed").GetInt32());
        Assert.Equal(1, again.GetProperty("unchanged").GetInt32());
        var history = await StatisticsServiceFixture.Read(await service.Anonymous().GetAsync(
            $"/api/stats/observations/history?indicator={code}&reporter=CHN&partner=KAZ&period=2024"));
        Assert.Equal(95.1m, history.GetProperty("current").GetProperty("value").GetDecimal());
        var previous = Assert.Single(history.GetProperty("revisions").EnumerateArray());
        Assert.Equal((94.8m, "provisional", "first"), (previous.GetProperty("value").GetDecimal(), previous.GetProperty("status").GetString(), previous.GetProperty("note").GetString()));

        var events = await service.WithDbAsync(db => db.OutboxMessages
            .Where(message => message.MessageType == typeof(IndicatorUpdated).FullName && message.Body.Contains(code))
            .Select(message => message.Body).ToListAsync());
        var updates = events.Select(body => JsonSerializer.Deserialize<IndicatorUpdated>(body, JsonSerializerOptions.Web)!)
            .OrderBy(update => update.EventId).ToList();
        Assert.Equal(2, updates.Count); // the first value and the change; the unchanged re-import raised none
        Assert.Equal((null, 94.8m), (updates[0].OldValue, updates[0].NewValue));
        Assert.Equal((94.8m, 95.1m), (updates[1].OldValue, updates[1].NewValue));
        Assert.Equal(("CHN", "KAZ", "2024", "USD"), (updates[1].Reporter, updates[1].Partner, updates[1].Period, updates[1].Unit));
    }

    [Fact]
    public async Task A_status_only_change_is_stored_and_kept_in_history_without_an_event()
    {
        var code = await service.DefineIndicatorAsync();
        await StatisticsServiceFixture.Read(await service.UploadCsvAsync(Header + $"{code},CHN,KAZ,2024,5,provisional,\n"));

        var report = await StatisticsServiceFixture.Read(await service.UploadCsvAsync(Header + $"{code},CHN,KAZ,2024,5,,\n"));

        Assert.Equal(1, report.GetProperty("changed").GetInt32());
        var history = await StatisticsServiceFixture.Read(await service.Anonymous().GetAsync(
            $"/api/stats/observations/history?indicator={code}&reporter=CHN&partner=KAZ&period=2024"));
        var current = history.GetProperty("current");
        Assert.Equal((5m, JsonValueKind.Null), (current.GetProperty("value").GetDecimal(), current.GetProperty("status").ValueKind)); // final now
        var previous = Assert.Single(history.GetProperty("revisions").EnumerateArray());
        Assert.Equal((5m, "provisional"), (previous.GetProperty("value").GetDecimal(), previous.GetProperty("status").GetString()));
        var updates = await service.WithDbAsync(db => db.OutboxMessages.CountAsync(message => message.Body.Contains(code)));
        Assert.Equal(1, updates); // the first value only: the status change raised none
    }

    [Fact]
    public async Task Json_uploads_are_checked_the_same_way()
    {
        var code = await service.DefineIndicatorAsync(frequency: "quarterly");
        var good = JsonContent.Create(new object[]
        {
            new { indicator = code, reporter = "KAZ", partner = "CHN", period = "2024-Q3", value = 12.5 },
            new { indicator = code, reporter = "KAZ", partner = "CHN", period = "2024-q4", value = (decimal?)null, status = "estimated" },
        });
        var report = await StatisticsServiceFixture.Read(await service.Analyst().PostAsync("/api/stats/imports", good));
        Assert.Equal(2, report.GetProperty("inserted").GetInt32());
        var stored = await ObservationsAsync(code);
        Assert.Equal("2024-Q4", stored.GetProperty("observations")[1].GetProperty("period").GetString());

        var bad = JsonContent.Create(new object[]
        {
            new { indicator = code, reporter = "KAZ", partner = "CHN", period = "2024", value = 1 },
            new { indicator = code, reporter = "KAZ", partner = "CHN", period = "2025-Q1", value = "n/a" },
            42,
        });
        var problem = await StatisticsServiceFixture.ReadProblem(await service.Analyst().PostAsync("/api/stats/imports", bad), 400);
        var rows = problem.GetProperty("rows").EnumerateArray().Select(row => (row.GetProperty("row").GetInt32(), row.GetProperty("column").GetString())).ToList();
        Assert.Equal([(1, "period"), (2, "value"), (3, null)], rows);
    }

    [Fact]
    public async Task Values_past_what_derived_figures_can_hold_and_notes_xml_cannot_carry_are_refused()
    {
        var code = await service.DefineIndicatorAsync();
        var csv = Header +
                  $"{code},CHN,KAZ,2024,1E15,,\n" +                 // row 1: the largest value
                  $"{code},CHN,KGZ,2024,5E28,,\n" +                 // row 2: two of these overflow a sum over partners
                  $"{code},CHN,TJK,2024,-1000000000000001,,\n" +    // row 3: just past the limit
                  $"{code},CHN,UZB,2024,0.00000000001,,\n" +        // row 4: 11 decimals; the chart's axis would round it to 0
                  $"{code},CHN,TKM,2024,1,,\"bell \u0007\"\n";    // row 5: a control character in the note

        var problem = await StatisticsServiceFixture.ReadProblem(await service.UploadCsvAsync(csv), 400);

        var rows = problem.GetProperty("rows").EnumerateArray().Select(row => (row.GetProperty("row").GetInt32(), row.GetProperty("column").GetString())).ToList();
        Assert.Equal([(2, "value"), (3, "value"), (4, "value"), (5, "note")], rows);
        Assert.Equal(0, (await ObservationsAsync(code)).GetProperty("page").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Broken_json_is_refused_naming_where()
    {
        var content = new StringContent("[{\"indicator\": \"x\", ", System.Text.Encoding.UTF8, "application/json");

        var problem = await StatisticsServiceFixture.ReadProblem(await service.Analyst().PostAsync("/api/stats/imports", content), 400);

        Assert.Equal("The upload is not a JSON array of observations.", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("application/json", "null", "row 1: $")]
    [InlineData("application/json", "[]", "row 1: $")]
    [InlineData("text/csv", Header, "row 1 (line 2)")]
    [InlineData("text/csv", "indicator,reporter,partner,period,value", "row 1 (line 2)")]
    [InlineData("text/csv", Header + "\n \n", "row 1 (line 2)")]
    public async Task An_upload_without_rows_is_refused_also_in_a_dry_run_and_no_import_is_listed(string contentType, string body, string error)
    {
        var before = await ImportsAsync();

        foreach (var dryRun in new[] { true, false })
        {
            var content = new StringContent(body, System.Text.Encoding.UTF8, contentType);
            var response = await service.Analyst().PostAsync($"/api/stats/imports{(dryRun ? "?dryRun=true" : "")}", content);

            var problem = await StatisticsServiceFixture.ReadProblem(response, 400);
            Assert.Equal("The upload has no observations.", problem.GetProperty("title").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty(error, out _), problem.GetRawText());
            Assert.Equal(1, problem.GetProperty("rows")[0].GetProperty("row").GetInt32());
        }

        var after = await ImportsAsync();
        Assert.Equal(before.Select(import => import.GetProperty("id").GetGuid()), after.Select(import => import.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(after, import => import.GetProperty("rows").GetInt32() == 0);
    }

    private async Task<List<JsonElement>> ImportsAsync() =>
        [.. (await StatisticsServiceFixture.Read(await service.Analyst().GetAsync("/api/stats/imports?limit=500"))).EnumerateArray()];

    [Fact]
    public async Task A_header_that_is_not_usable_is_refused_with_its_problems()
    {
        var problem = await StatisticsServiceFixture.ReadProblem(await service.UploadCsvAsync("indicator;reporter;period;value\nx;CHN;2024;1\n"), 400);

        Assert.Equal("The header line is not usable.", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("row 0 (line 1): partner", out _));
    }

    [Fact]
    public async Task Other_content_types_get_415_and_uploads_over_the_limit_413_with_nothing_stored()
    {
        var code = await service.DefineIndicatorAsync();
        var xml = new StringContent("<observations/>", System.Text.Encoding.UTF8, "application/xml");
        await StatisticsServiceFixture.ReadProblem(await service.Analyst().PostAsync("/api/stats/imports", xml), 415);

        var rows = string.Concat(Enumerable.Range(1, 3000).Select(index => $"{code},CHN,KAZ,{1800 + (index % 400)},{index},,padding\n"));
        var problem = await StatisticsServiceFixture.ReadProblem(await service.UploadCsvAsync(Header + rows), 413);

        Assert.Contains($"{StatisticsServiceFixture.MaxUploadBytes:N0} bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await ObservationsAsync(code)).GetProperty("page").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(ForumRoles.Editor, HttpStatusCode.Forbidden)]
    [InlineData(ForumRoles.Organizer, HttpStatusCode.Forbidden)]
    public async Task Only_analysts_and_admins_import_or_define_indicators(string? role, HttpStatusCode expected)
    {
        var client = service.ClientFor(role);
        var content = new StringContent(Header, System.Text.Encoding.UTF8, "text/csv");

        Assert.Equal(expected, (await client.PostAsync("/api/stats/imports", content)).StatusCode);
        Assert.Equal(expected, (await client.PutAsJsonAsync("/api/stats/indicators/x.y", new { name = "x" })).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/api/stats/imports")).StatusCode);
    }

    [Fact]
    public async Task Indicator_definitions_are_validated_field_by_field()
    {
        var response = await service.Analyst().PutAsJsonAsync("/api/stats/indicators/Bad%20Code", new
        {
            name = "",
            unit = "USD",
            scale = 99,
            frequency = "weekly",
            source = new { organization = "", url = "ftp://example.org" },
        });

        var problem = await StatisticsServiceFixture.ReadProblem(response, 400);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "code", "name", "scale", "frequency", "source.organization", "source.url" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task A_frequency_changed_while_an_upload_is_read_refuses_the_upload_and_stores_nothing()
    {
        var code = await service.DefineIndicatorAsync(frequency: "annual");
        async IAsyncEnumerable<UploadedRow> UploadThatOutlivesADefinition()
        {
            yield return new UploadedRow(1, 2, code, "CHN", "KAZ", "2024", "1", null, null); // checked as an annual period
            var redefined = await service.Analyst().PutAsJsonAsync($"/api/stats/indicators/{code}",
                new { name = "Redefined", unit = "USD", frequency = "monthly", source = new { organization = "Test suite" } });
            Assert.Equal(HttpStatusCode.OK, redefined.StatusCode); // no observations yet, so the frequency may change
        }

        var refused = await Assert.ThrowsAsync<UnreadableUploadException>(() => service.WithServiceAsync<ObservationImporter, ImportReport>(
            importer => importer.ImportAsync(UploadThatOutlivesADefinition(), "csv", dryRun: false, "test", "Test", CancellationToken.None)));

        Assert.Equal((code, "indicator"), (Assert.Single(refused.Problems).Value, Assert.Single(refused.Problems).Column));
        Assert.Equal(0, (await ObservationsAsync(code)).GetProperty("page").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_definition_sent_with_If_None_Match_star_only_creates_and_never_overwrites()
    {
        var code = $"test.create-only.{Guid.NewGuid():N}";
        HttpRequestMessage Define(string name) => new(HttpMethod.Put, $"/api/stats/indicators/{code}")
        {
            Content = JsonContent.Create(new { name, unit = "USD", frequency = "annual", source = new { organization = "Customs" } }),
            Headers = { IfNoneMatch = { System.Net.Http.Headers.EntityTagHeaderValue.Any } },
        };

        Assert.Equal(HttpStatusCode.Created, (await service.Analyst().SendAsync(Define("First"))).StatusCode);
        var taken = await StatisticsServiceFixture.ReadProblem(await service.Analyst().SendAsync(Define("Second")), 412);

        Assert.Contains(code, taken.GetProperty("detail").GetString());
        var indicator = await StatisticsServiceFixture.Read(await service.Anonymous().GetAsync($"/api/stats/indicators/{code}"));
        Assert.Equal("First", indicator.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Concurrent_first_definitions_of_one_code_create_it_once_and_update_it_after()
    {
        var code = $"test.concurrent.{Guid.NewGuid():N}";
        var analyst = service.Analyst();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => analyst.PutAsJsonAsync($"/api/stats/indicators/{code}",
            new { name = $"Definition {i}", unit = "USD", frequency = "annual", source = new { organization = "Customs" } })));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(response => response.StatusCode != HttpStatusCode.Created),
            response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var stored = await service.WithDbAsync(db => Task.FromResult(db.Indicators.Where(indicator => indicator.Code == code).Select(indicator => indicator.Name).ToList()));
        Assert.StartsWith("Definition ", Assert.Single(stored));
    }

    [Theory]
    [InlineData("""{"name":"Trade \u0001","unit":"USD","frequency":"annual","source":{"organization":"Customs"}}""", "name")]
    [InlineData("""{"name":"Trade","unit":"USD","frequency":"annual","source":{"organization":"Customs \uFFFF"}}""", "source.organization")]
    [InlineData("""{"name":"Trade","unit":"USD","frequency":"annual","description":"\u0000","source":{"organization":"Customs"}}""", "description")]
    [InlineData("""{"name":"Trade","unit":"USD","frequency":"annual,monthly","source":{"organization":"Customs"}}""", "frequency")]
    public async Task Indicator_text_xml_cannot_carry_and_lists_of_frequencies_are_refused(string json, string field)
    {
        var code = $"test.refused.{Guid.NewGuid():N}";
        var response = await service.Analyst().PutAsync($"/api/stats/indicators/{code}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await StatisticsServiceFixture.ReadProblem(response, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        Assert.False(await service.WithDbAsync(db => Task.FromResult(db.Indicators.Any(indicator => indicator.Code == code))));
    }

    [Fact]
    public async Task The_frequency_of_an_indicator_with_observations_cannot_change()
    {
        var code = await service.DefineIndicatorAsync();
        await StatisticsServiceFixture.Read(await service.UploadCsvAsync(Header + $"{code},CHN,KAZ,2024,1,,\n"));

        var response = await service.Analyst().PutAsJsonAsync($"/api/stats/indicators/{code}", new
        {
            name = "Renamed", unit = "USD", scale = 6, frequency = "monthly", source = new { organization = "Test suite" },
        });

        await StatisticsServiceFixture.ReadProblem(response, 409);
    }
}
