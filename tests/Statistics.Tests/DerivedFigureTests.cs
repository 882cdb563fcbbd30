using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace ForumPlatform.Statistics.Tests;

/// <summary>
/// Derived figures against values computed by hand from the demo's sample indicator (China's trade with each Central
/// Asian country and the world, 2020–2024, billions of USD).
/// </summary>
[Collection(StatisticsCollection.Name)]
public sealed class DerivedFigureTests(StatisticsServiceFixture service)
{
    private const string Sample = "/api/stats/indicators/sample.trade.china-bilateral.usd";

    private async Task<List<JsonElement>> PointsAsync(string path) =>
        (await StatisticsServiceFixture.Read(await service.Anonymous().GetAsync(path))).GetProperty("points").EnumerateArray().ToList();

    [Fact]
    public async Task The_sum_over_a_regions_members_matches_the_hand_computed_totals()
    {
        var points = await PointsAsync($"{Sample}/series?reporter=CHN&region=CAS");

        // 2020: 21.4 + 2.9 + 1.1 + 6.5 + 6.6; 2024: 43.8 + 22.7 + 3.9 + 10.6 + 13.8 (the reported 94.8).
        Assert.Equal([("2020", 38.5m), ("2021", 50.1m), ("2022", 70.1m), ("2023", 88.6m), ("2024", 94.8m)],
            points.Select(point => (point.GetProperty("period").GetString(), point.GetProperty("value").GetDecimal())));
        Assert.All(points, point => Assert.Empty(point.GetProperty("missingPartners").EnumerateArray()));
    }

    [Fact]
    public async Task The_sum_over_listed_partners_names_those_without_a_value()
    {
        var code = await service.DefineIndicatorAsync();
        await StatisticsServiceFixture.Read(await service.UploadCsvAsync(
            $"indicator,reporter,partner,period,value\n{code},CHN,KAZ,2023,2\n{code},CHN,UZB,2023,3.5\n{code},CHN,UZB,2024,4\n{code},CHN,KAZ,2024,\n"));

        var points = await PointsAsync($"/api/stats/indicators/{code}/series?reporter=CHN&partner=KAZ,UZB");

        Assert.Equal((5.5m, 0), (points[0].GetProperty("value").GetDecimal(), points[0].GetProperty("missingPartners").GetArrayLength()));
        Assert.Equal(4m, points[1].GetProperty("value").GetDecimal());
        Assert.Equal("KAZ", Assert.Single(points[1].GetProperty("missingPartners").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Year_on_year_change_reads_the_year_before_the_range_and_rounds_percentages()
    {
        var points = await PointsAsync($"{Sample}/series/yoy?reporter=CHN&region=CAS&from=2021");

        Assert.Equal(4, points.Count);
        // 2021: 50.1 − 38.5 = 11.6, 11.6 / 38.5 = 30.1299 %; 2024: 94.8 − 88.6 = 6.2, 6.2 / 88.6 = 6.9977 %.
        Assert.Equal(("2021", 38.5m, 11.6m, 30.1299m), Change(points[0]));
        Assert.Equal(("2024", 88.6m, 6.2m, 6.9977m), Change(points[3]));

        var first = await PointsAsync($"{Sample}/series/yoy?reporter=CHN&partner=KAZ");
        Assert.Equal(JsonValueKind.Null, first[0].GetProperty("change").ValueKind);

        static (string?, decimal, decimal, decimal) Change(JsonElement point) => (point.GetProperty("period").GetString(),
            point.GetProperty("previousValue").GetDecimal(), point.GetProperty("change").GetDecimal(), point.GetProperty("changePercent").GetDecimal());
    }

    [Fact]
    public async Task The_share_of_a_total_is_the_part_over_the_reporters_value_against_that_partner()
    {
        var points = await PointsAsync($"{Sample}/series/share?reporter=CHN&region=CAS&of=WLD&from=2024");

        var point = Assert.Single(points);
        // 94.8 / 6160 = 1.538961… %
        Assert.Equal((94.8m, 6160m, 1.5390m), (point.GetProperty("value").GetDecimal(), point.GetProperty("total").GetDecimal(), point.GetProperty("sharePercent").GetDecimal()));
        var kazakhstan = await PointsAsync($"{Sample}/series/share?reporter=CHN&partner=KAZ&from=2020&to=2020");
        Assert.Equal(0.4602m, Assert.Single(kazakhstan).GetProperty("sharePercent").GetDecimal()); // 21.4 / 4650
    }

    [Fact]
    public async Task The_chart_is_an_svg_with_a_point_per_period_a_gap_for_missing_values_and_nothing_active()
    {
        var code = await service.DefineIndicatorAsync();
        await StatisticsServiceFixture.Read(await service.UploadCsvAsync(
            $"indicator,reporter,partner,period,value\n{code},CHN,WLD,2020,1\n{code},CHN,WLD,2021,2\n{code},CHN,WLD,2022,\n{code},CHN,WLD,2023,4\n{code},CHN,WLD,2024,5\n"));

        var response = await service.Anonymous().GetAsync($"/api/stats/indicators/{code}/chart.svg?reporter=CHN");

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Name);
        Assert.Equal(4, svg.Elements(ns + "circle").Count());
        Assert.Equal(2, svg.Elements(ns + "polyline").Count()); // 2020–2021 and 2023–2024
        Assert.Contains(svg.Elements(ns + "circle"), circle => circle.Element(ns + "title")!.Value == "2023: 4 million USD");
        Assert.Empty(svg.Descendants(ns + "script"));
    }

    [Fact]
    public async Task Small_values_keep_their_decimals_on_the_axis_and_in_the_points()
    {
        var code = await service.DefineIndicatorAsync();
        await StatisticsServiceFixture.Read(await service.UploadCsvAsync(
            $"indicator,reporter,partner,period,value\n{code},CHN,WLD,2023,0.0004\n{code},CHN,WLD,2024,0.0009\n"));

        var svg = XDocument.Parse(await service.Anonymous().GetStringAsync($"/api/stats/indicators/{code}/chart.svg?reporter=CHN")).Root!;

        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Contains(svg.Elements(ns + "circle"), circle => circle.Element(ns + "title")!.Value.StartsWith("2023: 0.0004 ", StringComparison.Ordinal));
        var labels = svg.Elements(ns + "text").Select(text => text.Value).Where(text => text.StartsWith("0.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(labels);
        Assert.Equal(labels.Count, labels.Distinct().Count()); // rounded to three decimals they read 0, 0, 0.001, 0.001
    }

    [Fact]
    public async Task Markup_in_an_indicators_texts_reaches_the_chart_as_text_and_never_as_elements_or_attributes()
    {
        const string Hostile = "<script>alert(1)</script>\" onload=\"alert(2)";
        const string HostileUnit = "USD\"/><script>x</script>"; // units are at most 40 characters
        var code = await service.DefineIndicatorAsync(unit: HostileUnit, name: $"Trade{Hostile}", sourceOrganization: $"Office{Hostile}");
        await StatisticsServiceFixture.Read(await service.UploadCsvAsync($"indicator,reporter,partner,period,value\n{code},CHN,WLD,2024,1\n"));

        var response = await service.Anonymous().GetAsync($"/api/stats/indicators/{code}/chart.svg?reporter=CHN");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        var elements = svg.DescendantsAndSelf().ToList();
        Assert.All(elements, element => Assert.Equal(ns, element.Name.Namespace));
        Assert.DoesNotContain(elements, element => element.Name.LocalName is "script" or "foreignObject" or "a" or "use" or "image");
        Assert.DoesNotContain(elements.SelectMany(element => element.Attributes()),
            attribute => attribute.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name.LocalName == "href");
        var texts = string.Join('\n', elements.Select(element => element.Value));
        Assert.Contains($"Trade{Hostile}", texts, StringComparison.Ordinal);
        Assert.Contains($"million {HostileUnit}", texts, StringComparison.Ordinal);
        Assert.Contains($"source: Office{Hostile}", texts, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("series", "region=CAS", "reporter")]
    [InlineData("series", "reporter=CHN&region=KAZ", "region")]
    [InlineData("series", "reporter=CHN&partner=KAZ&region=CAS", "region")]
    [InlineData("series/yoy", "reporter=CHN,KAZ", "reporter")]
    [InlineData("series/share", "reporter=CHN&of=KAZ,UZB", "of")]
    [InlineData("chart.svg", "reporter=CHN&from=last-year", "from")]
    public async Task Bad_parameters_get_400_naming_the_parameter(string path, string query, string parameter)
    {
        var problem = await StatisticsServiceFixture.ReadProblem(await service.Anonymous().GetAsync($"{Sample}/{path}?{query}"), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }
}
