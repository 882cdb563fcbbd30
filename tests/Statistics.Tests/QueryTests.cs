using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using nietras.SeparatedValues;

namespace ForumPlatform.Statistics.Tests;

[Collection(StatisticsCollection.Name)]
public sealed class QueryTests(StatisticsServiceFixture service)
{
    private static readonly string[] Partners = ["KAZ", "KGZ", "TJK", "TKM", "UZB"];

    /// <summary>An annual indicator with CHN→each Central Asian country, 2020–2024, value = year − 2000 + partner index / 10.</summary>
    private async Task<string> SeededAnnualAsync()
    {
        var code = await service.DefineIndicatorAsync();
        var rows = from partner in Partners.Select((code, index) => (code, index))
                   from year in Enumerable.Range(2020, 5)
                   select $"{code},CHN,{partner.code},{year},{year - 2000}.{partner.index},,";
        await StatisticsServiceFixture.Read(await service.UploadCsvAsync("indicator,reporter,partner,period,value,status,note\n" + string.Join('\n', rows)));
        return code;
    }

    private async Task<JsonElement> GetAsync(string query) =>
        await StatisticsServiceFixture.Read(await service.Anonymous().GetAsync($"/api/stats/observations?{query}"));

    [Fact]
    public async Task A_page_answers_304_to_its_etag_until_an_import_or_an_edit_of_the_indicator_changes_it()
    {
        var code = await SeededAnnualAsync();
        var path = $"/api/stats/observations?indicator={code}&partner=KAZ";
        using var client = service.Anonymous();
        async Task<HttpResponseMessage> GetIfNoneMatchAsync(EntityTagHeaderValue etag)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.IfNoneMatch.Add(etag);
            return await client.SendAsync(request);
        }

        var first = await client.GetAsync(path);
        var etag = first.Headers.ETag!;
        Assert.Equal(HttpStatusCode.NotModified, (await GetIfNoneMatchAsync(etag)).StatusCode);

        // A value changed by an import: a new ETag and the new value.
        await StatisticsServiceFixture.Read(await service.UploadCsvAsync($"indicator,reporter,partner,period,value,status,note\n{code},CHN,KAZ,2024,99.5,,"));
        var changed = await GetIfNoneMatchAsync(etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains(JsonDocument.Parse(await changed.Content.ReadAsStringAsync()).RootElement.GetProperty("observations").EnumerateArray(),
            observation => observation.GetProperty("value").GetDecimal() == 99.5m);

        // The definition edited (its name is in every page): a new ETag again.
        var afterImport = changed.Headers.ETag!;
        await StatisticsServiceFixture.Read(await service.Analyst().PutAsJsonAsync($"/api/stats/indicators/{code}", new
        {
            name = "Renamed by a test", unit = "USD", scale = 6, frequency = "annual", description = "Defined by a test.",
            source = new { organization = "Test suite", url = "https://example.org/source" },
        }));
        Assert.Equal(HttpStatusCode.OK, (await GetIfNoneMatchAsync(afterImport)).StatusCode);
    }

    [Fact]
    public async Task Pages_start_with_a_header_of_page_pages_per_page_total_and_last_update()
    {
        var code = await SeededAnnualAsync();

        var second = await GetAsync($"indicator={code}&perPage=10&page=2");

        var page = second.GetProperty("page");
        Assert.Equal((2, 3, 10, 25), (page.GetProperty("page").GetInt32(), page.GetProperty("pages").GetInt32(),
            page.GetProperty("perPage").GetInt32(), page.GetProperty("total").GetInt32()));
        Assert.True(DateTimeOffset.UtcNow - page.GetProperty("lastUpdated").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
        Assert.Equal(code, second.GetProperty("indicator").GetProperty("code").GetString());
        var observations = second.GetProperty("observations").EnumerateArray().ToList();
        Assert.Equal(10, observations.Count);
        // Ordered by reporter, partner, period: five periods each for KAZ and KGZ fill page one.
        Assert.Equal(("TJK", "2020"), (observations[0].GetProperty("partner").GetString(), observations[0].GetProperty("period").GetString()));
    }

    [Fact]
    public async Task Reporters_partners_and_a_period_range_narrow_the_result()
    {
        var code = await SeededAnnualAsync();

        var result = await GetAsync($"indicator={code}&reporter=chn&partner=KAZ,uzb&from=2022&to=2023");

        var keys = result.GetProperty("observations").EnumerateArray()
            .Select(observation => $"{observation.GetProperty("partner").GetString()} {observation.GetProperty("period").GetString()} {observation.GetProperty("value").GetDecimal()}")
            .ToList();
        Assert.Equal(["KAZ 2022 22.0", "KAZ 2023 23.0", "UZB 2022 22.4", "UZB 2023 23.4"], keys);
        Assert.Equal(0, (await GetAsync($"indicator={code}&reporter=KAZ")).GetProperty("page").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_year_as_range_bound_covers_all_months_of_a_monthly_indicator()
    {
        var code = await service.DefineIndicatorAsync(frequency: "monthly");
        var rows = new[] { "2023-12", "2024-01", "2024-07", "2024-12", "2025-01" }.Select(period => $"{code},KAZ,CHN,{period},1,,");
        await StatisticsServiceFixture.Read(await service.UploadCsvAsync("indicator,reporter,partner,period,value,status,note\n" + string.Join('\n', rows)));

        var result = await GetAsync($"indicator={code}&from=2024&to=2024");

        Assert.Equal(["2024-01", "2024-07", "2024-12"],
            result.GetProperty("observations").EnumerateArray().Select(observation => observation.GetProperty("period").GetString()));
    }

    [Fact]
    public async Task The_csv_export_parses_back_and_uploads_again_unchanged()
    {
        var code = await SeededAnnualAsync();
        var client = service.Anonymous();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/stats/observations?indicator={code}&partner=KGZ");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var response = await client.SendAsync(request);
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        using (var reader = Sep.Reader().FromText(csv))
        {
            var rows = reader.Enumerate(row => (Period: row["period"].ToString(), Value: row["value"].Parse<decimal>(), Unit: row["unit"].ToString())).ToList();
            Assert.Equal(5, rows.Count);
            Assert.Equal(("2024", 24.1m, "USD"), rows[^1]);
        }

        var sameAsCsvParameter = await client.GetStringAsync($"/api/stats/observations?indicator={code}&partner=KGZ&format=csv");
        Assert.Equal(csv, sameAsCsvParameter);

        var again = await StatisticsServiceFixture.Read(await service.UploadCsvAsync(csv, dryRun: true));
        Assert.Equal((5, 5, 0), (again.GetProperty("rows").GetInt32(), again.GetProperty("unchanged").GetInt32(), again.GetProperty("badRows").GetInt32()));
    }

    [Fact]
    public async Task The_json_observations_parse_back_and_upload_again_unchanged()
    {
        var code = await SeededAnnualAsync();
        var page = await GetAsync($"indicator={code}&partner=TJK");
        var observations = page.GetProperty("observations");
        Assert.Equal(5, observations.GetArrayLength());
        Assert.Equal(("CHN", "TJK", "2022", 22.2m), (observations[2].GetProperty("reporter").GetString(), observations[2].GetProperty("partner").GetString(),
            observations[2].GetProperty("period").GetString(), observations[2].GetProperty("value").GetDecimal()));

        var upload = new StringContent(observations.GetRawText(), System.Text.Encoding.UTF8, "application/json");
        var again = await StatisticsServiceFixture.Read(await service.Analyst().PostAsync("/api/stats/imports?dryRun=true", upload));

        Assert.Equal((5, 5, 0), (again.GetProperty("rows").GetInt32(), again.GetProperty("unchanged").GetInt32(), again.GetProperty("badRows").GetInt32()));
    }

    [Fact]
    public async Task The_openapi_document_lists_every_route_and_describes_the_upload()
    {
        var document = await StatisticsServiceFixture.Read(await service.Anonymous().GetAsync("/api/stats/openapi/v1.json"));

        var paths = document.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/stats/indicators", "/api/stats/indicators/{code}", "/api/stats/areas", "/api/stats/observations",
                     "/api/stats/observations/history", "/api/stats/indicators/{code}/series", "/api/stats/indicators/{code}/series/yoy",
                     "/api/stats/indicators/{code}/series/share", "/api/stats/indicators/{code}/chart.svg", "/api/stats/imports",
                     "/api/stats/platform", "/api/stats/platform/rebuild",
                 })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        var import = paths.GetProperty("/api/stats/imports").GetProperty("post");
        var upload = import.GetProperty("requestBody").GetProperty("content");
        Assert.True(upload.TryGetProperty("text/csv", out _));
        Assert.True(upload.TryGetProperty("application/json", out _));

        // Writes declare the bearer scheme and their 401/403 problem answers; public reads need no token.
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.True(import.GetProperty("security")[0].TryGetProperty("bearer", out _));
        foreach (var status in new[] { "401", "403", "default" })
        {
            Assert.True(import.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        }

        var query = paths.GetProperty("/api/stats/observations").GetProperty("get");
        Assert.False(query.TryGetProperty("security", out _));
        Assert.False(query.GetProperty("responses").TryGetProperty("401", out _));
    }

    [Fact]
    public async Task Csv_export_keeps_text_that_starts_like_a_formula_as_text_and_takes_back_its_own_export_unchanged()
    {
        var code = await service.DefineIndicatorAsync();
        const string header = "indicator,reporter,partner,period,value,status,note\n";
        var imported = await service.UploadCsvAsync(header +
            $"{code},CHN,KAZ,2023,1,,\"=HYPERLINK(\"\"http://example.org\"\")\"\n" +
            $"{code},CHN,KAZ,2024,-2.5,,@SUM(1+1)\n" +
            $"{code},CHN,UZB,2024,3,,'quoted as typed\n");
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        var csv = await service.Anonymous().GetStringAsync($"/api/stats/observations?indicator={code}&format=csv");

        Assert.Contains("\"'=HYPERLINK(\"\"http://example.org\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains(",-2.5,,'@SUM(1+1),", csv, StringComparison.Ordinal); // the number stays a number
        Assert.Contains(",3,,'quoted as typed,", csv, StringComparison.Ordinal); // a ' before other text is the note's own

        var again = await StatisticsServiceFixture.Read(await service.UploadCsvAsync(csv));
        Assert.Equal((0, 0, 3), (again.GetProperty("inserted").GetInt32(), again.GetProperty("changed").GetInt32(), again.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task An_empty_csv_export_still_has_its_header()
    {
        var code = await service.DefineIndicatorAsync();

        var csv = await service.Anonymous().GetStringAsync($"/api/stats/observations?indicator={code}&format=csv");

        Assert.StartsWith("indicator,reporter,partner,period,value,status,note,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_answer_has_an_etag_and_a_client_that_has_it_gets_304()
    {
        var code = await SeededAnnualAsync();
        var client = service.Anonymous();
        var first = await client.GetAsync($"/api/stats/observations?indicator={code}");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/stats/observations?indicator={code}");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("reporter=XXX", "reporter")]
    [InlineData("partner=KAZ,Nowhere", "partner")]
    [InlineData("from=20x4", "from")]
    [InlineData("to=2024-Q1", "to")]
    [InlineData("page=0", "page")]
    [InlineData("page=2147483647&perPage=1000", "page")]
    [InlineData("perPage=5000", "perPage")]
    [InlineData("format=xml", "format")]
    public async Task Bad_parameters_get_400_naming_the_parameter(string query, string parameter)
    {
        var code = await service.DefineIndicatorAsync();

        var problem = await StatisticsServiceFixture.ReadProblem(await service.Anonymous().GetAsync($"/api/stats/observations?indicator={code}&{query}"), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task The_indicator_is_required_and_an_unknown_one_is_404()
    {
        var missing = await StatisticsServiceFixture.ReadProblem(await service.Anonymous().GetAsync("/api/stats/observations"), 400);
        Assert.True(missing.GetProperty("errors").TryGetProperty("indicator", out _));

        await StatisticsServiceFixture.ReadProblem(await service.Anonymous().GetAsync("/api/stats/observations?indicator=no.such"), 404);
    }

    [Fact]
    public async Task The_demo_content_has_the_reported_figures_with_their_source_and_marks_invented_ones()
    {
        var indicators = await StatisticsServiceFixture.Read(await service.Anonymous().GetAsync("/api/stats/indicators"));
        var trade = indicators.EnumerateArray().Single(indicator => indicator.GetProperty("code").GetString() == "trade.china-central-asia.usd");
        Assert.Equal(("USD", 9, "CAREC Institute"), (trade.GetProperty("unit").GetString(), trade.GetProperty("scale").GetInt32(),
            trade.GetProperty("source").GetProperty("organization").GetString()));
        Assert.False(trade.GetProperty("sampleData").GetBoolean());
        Assert.True(indicators.EnumerateArray().Single(indicator => indicator.GetProperty("code").GetString()!.StartsWith("sample.", StringComparison.Ordinal))
            .GetProperty("sampleData").GetBoolean());

        var value = (await GetAsync("indicator=trade.china-central-asia.usd&reporter=CHN&partner=CAS")).GetProperty("observations")[0];
        Assert.Equal(("2024", 94.8m), (value.GetProperty("period").GetString(), value.GetProperty("value").GetDecimal()));
        var studies = (await GetAsync("indicator=carec-institute.studies")).GetProperty("observations")[0];
        Assert.Equal(180m, studies.GetProperty("value").GetDecimal());
    }
}
