using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using ForumPlatform.Web.Api;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ForumPlatform.Web.Tests;

/// <summary>
/// What the website asks the API for a page: a kept answer is revalidated (If-None-Match) on every read, except the
/// home page's headline figures, which may be served as the API confirmed them within a minute.
/// </summary>
public sealed class RevalidationTests : IDisposable
{
    private const string ETag = "\"v1\"";
    private readonly ConcurrentQueue<(string Path, string? IfNoneMatch)> asked = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 12, 2, 4, 0, 0, TimeSpan.Zero));
    private readonly RevalidatingCache cache;
    private readonly ForumApi api;

    public RevalidationTests()
    {
        cache = new RevalidatingCache(clock);
        api = new ForumApi(new HttpClient(new StubGateway(asked)) { BaseAddress = new Uri("http://gateway.test") }, cache, NullLogger<ForumApi>.Instance);
    }

    [Fact]
    public async Task Headline_figures_are_served_as_confirmed_within_a_minute_and_then_revalidated()
    {
        var figure = new FigureSelection { Indicator = "trade.china-central-asia.usd", Reporter = "CHN", Partner = "CAS" };

        var first = await api.HeadlineObservationsAsync(figure, default);
        clock.Advance(TimeSpan.FromSeconds(59));
        var kept = await api.HeadlineObservationsAsync(figure, default);
        Assert.Single(asked);

        clock.Advance(TimeSpan.FromSeconds(2));
        var revalidated = await api.HeadlineObservationsAsync(figure, default);
        Assert.Equal([null, ETag], asked.Select(call => call.IfNoneMatch));
        Assert.True(first.IsOk && kept.IsOk && revalidated.IsOk);
        Assert.Equal(first.Value!.Indicator.Code, revalidated.Value!.Indicator.Code);

        // Confirmed again by that 304: kept for another minute.
        clock.Advance(TimeSpan.FromSeconds(30));
        await api.HeadlineObservationsAsync(figure, default);
        Assert.Equal(2, asked.Count);
    }

    [Fact]
    public async Task Every_other_read_asks_the_api_each_time()
    {
        await api.IndicatorAsync("trade.china-central-asia.usd", default);
        await api.IndicatorAsync("trade.china-central-asia.usd", default);

        Assert.Equal([null, ETag], asked.Select(call => call.IfNoneMatch));
    }

    public void Dispose() => cache.Dispose();

    /// <summary>Answers an indicator or its observations with ETag "v1", and 304 to a client that has it.</summary>
    private sealed class StubGateway(ConcurrentQueue<(string, string?)> asked) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var ifNoneMatch = request.Headers.IfNoneMatch.FirstOrDefault()?.ToString();
            asked.Enqueue((request.RequestUri!.PathAndQuery, ifNoneMatch));
            var indicator = new { code = "trade.china-central-asia.usd", name = "Trade", unit = "USD", scale = 1, source = new { organization = "Customs" }, frequency = "annual", sampleData = false };
            var response = ifNoneMatch == ETag
                ? new HttpResponseMessage(HttpStatusCode.NotModified)
                : new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = request.RequestUri.AbsolutePath.EndsWith("/observations", StringComparison.Ordinal)
                        ? JsonContent.Create(new { indicator, observations = new[] { new { reporter = "CHN", partner = "CAS", period = "2024", value = 94.8m } } })
                        : JsonContent.Create(indicator),
                };
            response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue(ETag);
            return Task.FromResult(response);
        }
    }
}
