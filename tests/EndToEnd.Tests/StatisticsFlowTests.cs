using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.EndToEnd.Tests;

/// <summary>Through the gateway and the real broker: an import is queryable, notifies the subscribers of its indicator, and is counted.</summary>
[Collection(ForumPlatformCollection.Name)]
public sealed class StatisticsFlowTests(ForumPlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_import_reaches_the_query_the_subscribers_of_its_indicator_and_the_platform_figures()
    {
        using var analyst = platform.Gateway(ForumRoles.Analyst);
        using var reader = platform.Gateway();
        var code = $"e2e.{Guid.NewGuid():N}"[..16];
        (await analyst.PutAsJsonAsync($"/api/stats/indicators/{code}", new
        {
            name = "End-to-end indicator (sample data)", unit = "USD", scale = 9, frequency = "annual",
            source = new { organization = "Test suite" },
        })).EnsureSuccessStatusCode();
        var activeBefore = await ActiveSubscriptionsAsync(reader);

        var wanted = platform.Receiver.NewEndpoint();
        var other = platform.Receiver.NewEndpoint();
        var (wantedTrace, otherTrace) = (ActivityTraceId.CreateRandom().ToHexString(), ActivityTraceId.CreateRandom().ToHexString());
        var (_, secret, wantedOwner) = await platform.SubscribeAsync(wanted, ["forum.indicator.updated"], new { indicatorCodes = new[] { code } }, wantedTrace);
        var (_, _, otherOwner) = await platform.SubscribeAsync(other, ["forum.indicator.updated"], new { indicatorCodes = new[] { $"{code}.other" } }, otherTrace);
        using var owners = new Owners(wantedOwner, otherOwner);

        using var csv = new StringContent($"indicator,reporter,partner,period,value\n{code},CHN,CAS,2023,88.6\n{code},CHN,CAS,2024,94.8\n",
            Encoding.UTF8, "text/csv");
        var imported = await analyst.PostAsync("/api/stats/imports", csv);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        var page = await reader.GetFromJsonAsync<JsonElement>($"/api/stats/observations?indicator={code}&reporter=CHN");
        Assert.Equal(2, page.GetProperty("page").GetProperty("total").GetInt32());

        var notified = await platform.Receiver.WaitForAsync(wanted, 2, Patience);
        Assert.All(notified, notification =>
        {
            Assert.Equal("forum.indicator.updated", notification.CloudEvent.Type);
            Assert.Equal("/statistics", notification.CloudEvent.Source?.ToString());
            Assert.True(notification.VerifiesWith(secret));
        });
        var values = notified.Select(notification => ((JsonElement)notification.CloudEvent.Data!).GetProperty("newValue").GetDecimal()).Order();
        Assert.Equal([88.6m, 94.8m], values);

        var counted = await Eventually.GetValueAsync(async () =>
        {
            var figures = await reader.GetFromJsonAsync<JsonElement>("/api/stats/platform?metric=indicators.updated");
            return figures.GetProperty("metrics").TryGetProperty("indicators.updated", out var metric)
                && metric.TryGetProperty($"indicator:{code}", out var value) && value.GetInt64() >= 2 ? (long?)value.GetInt64() : null;
        }, Patience, "statistics to count its own IndicatorUpdated events");
        Assert.Equal(2, counted);
        // The active count is shared with every other test's subscriptions, so the two creations are also found by
        // the trace ids this test gave them: statistics recorded exactly these events.
        using var admin = platform.Gateway(ForumRoles.Admin);
        await Eventually.TrueAsync(async () =>
        {
            var recorded = await admin.GetFromJsonAsync<JsonElement>("/api/stats/platform/events?type=forum.subscription.status-changed&limit=1000");
            var traces = recorded.EnumerateArray().Select(recordedEvent => recordedEvent.GetProperty("traceId").GetString()).ToHashSet();
            return traces.Contains(wantedTrace) && traces.Contains(otherTrace);
        }, Patience, "statistics to record both subscriptions' creation");
        await Eventually.TrueAsync(async () => await ActiveSubscriptionsAsync(reader) >= activeBefore + 2, Patience,
            "statistics to count the two new subscriptions as active");

        await Task.Delay(1000); // a wrongly matched notification would have come with the others
        Assert.Empty(platform.Receiver.At(other));
    }

    private static async Task<long> ActiveSubscriptionsAsync(HttpClient reader)
    {
        var figures = await reader.GetFromJsonAsync<JsonElement>("/api/stats/platform?metric=subscriptions.active");
        return figures.GetProperty("metrics").TryGetProperty("subscriptions.active", out var metric) ? metric.GetProperty("all").GetInt64() : 0;
    }
}
