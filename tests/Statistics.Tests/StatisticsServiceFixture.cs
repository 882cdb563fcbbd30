using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Statistics.Data;
using ForumPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ForumPlatform.Statistics.Tests;

/// <summary>
/// The statistics service with its demo indicators on a real SQLite file and a private RabbitMQ node. Uploads are
/// limited to 64 KiB here, so the size limit is easy to cross. Tests define indicators of their own.
/// </summary>
public sealed class StatisticsServiceFixture() : ServiceFixture<StatisticsDbContext>("statistics")
{
    public const int MaxUploadBytes = 64 * 1024;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Statistics:Import:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await WaitUntilReadyAsync();
    }

    public HttpClient Analyst() => ClientFor(ForumRoles.Analyst);

    /// <summary>The platform figures of one metric, by dimension.</summary>
    public async Task<Dictionary<string, long>> MetricAsync(string metric)
    {
        var figures = await Read(await Anonymous().GetAsync($"/api/stats/platform?metric={metric}"));
        return figures.GetProperty("metrics").TryGetProperty(metric, out var dimensions)
            ? dimensions.EnumerateObject().ToDictionary(dimension => dimension.Name, dimension => dimension.Value.GetInt64())
            : [];
    }

    public Task<T> WithDbAsync<T>(Func<StatisticsDbContext, Task<T>> query) => WithServiceAsync(query);

    /// <summary>Defines an indicator with a code of the test's own.</summary>
    public async Task<string> DefineIndicatorAsync(
        string frequency = "annual", string unit = "USD", int scale = 6, string? name = null, string sourceOrganization = "Test suite")
    {
        var code = $"test.{Guid.NewGuid():N}";
        var response = await Analyst().PutAsJsonAsync($"/api/stats/indicators/{code}", new
        {
            name = name ?? $"Test indicator {code[5..13]}",
            unit,
            scale,
            frequency,
            description = "Defined by a test.",
            source = new { organization = sourceOrganization, url = "https://example.org/source" },
        });
        await Read(response);
        return code;
    }

    public async Task<HttpResponseMessage> UploadCsvAsync(string csv, bool dryRun = false, bool byteOrderMark = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        if (byteOrderMark)
        {
            bytes = [.. Encoding.UTF8.Preamble, .. bytes];
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("text/csv");
        return await Analyst().PostAsync($"/api/stats/imports{(dryRun ? "?dryRun=true" : "")}", content);
    }

    public static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ReadProblem(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

[CollectionDefinition(Name)]
public sealed class StatisticsCollection : ICollectionFixture<StatisticsServiceFixture>
{
    public const string Name = "Statistics service";
}
