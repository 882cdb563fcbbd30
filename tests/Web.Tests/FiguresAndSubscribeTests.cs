using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace ForumPlatform.Web.Tests;

/// <summary>The figures pages and the subscribe form, in Chromium without JavaScript.</summary>
[Collection(WebsiteCollection.Name)]
public sealed class FiguresAndSubscribeTests(WebsiteFixture site)
{
    [Fact]
    public async Task The_figures_page_lists_the_indicators_and_the_platforms_own_counts()
    {
        var page = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync("/figures");

        var sample = page.Locator(".card", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "China's trade in goods by partner (sample data)" }) });
        Assert.Equal("Sample data, not statistics", await sample.Locator(".badge").InnerTextAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "China–Central Asia trade in goods" }).CountAsync());
        var published = page.Locator(".figure", new() { HasText = "Articles published" }).Locator(".figure__value");
        Assert.True(long.Parse(await published.InnerTextAsync(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) >= 5,
            "the demo articles are counted");
    }

    [Fact]
    public async Task An_indicator_page_shows_the_chosen_series_as_a_chart_a_table_and_a_csv_download()
    {
        var page = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync("/figures/sample.trade.china-bilateral.usd");
        await page.SelectOptionAsync("#series", "CHN-KAZ");
        await page.Locator("form.filters button").ClickAsync();

        Assert.Contains("partner=KAZ", await page.Locator("figure.chart img").GetAttributeAsync("src"), StringComparison.Ordinal);
        var periods = await page.Locator(".data-table tbody th").AllInnerTextsAsync();
        Assert.Equal(["2020", "2021", "2022", "2023", "2024"], periods);
        Assert.Equal("21.4", await page.Locator(".data-table tbody td.number").First.InnerTextAsync());
        Assert.Contains("US$ billion", await page.Locator(".data-table thead").InnerTextAsync(), StringComparison.Ordinal);

        using var visitor = new HttpClient { BaseAddress = site.Address };
        var csv = await visitor.GetAsync(await page.GetByText("Download as CSV").GetAttributeAsync("href"));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("CHN,KAZ,2020,21.4", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var missing = await page.GotoAsync("/figures/no.such.indicator");
        Assert.Equal((int)HttpStatusCode.NotFound, missing!.Status);
    }

    [Fact]
    public async Task A_stream_subscription_made_in_the_form_shows_its_token_once_and_the_token_manages_it()
    {
        var page = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync("/subscribe");
        await page.GetByLabel("As a live stream I connect to").CheckAsync();
        await page.FillAsync("#name", "Hall screen");
        await page.FillAsync("#contact", "av@example.org");
        await page.GetByLabel("A news article is published").UncheckAsync();
        await page.GetByLabel("A session moves (time or room)").CheckAsync();
        await page.GetByLabel("Transport", new() { Exact = true }).First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the subscription" }).ClickAsync();

        Assert.Equal("Your subscription is ready", await page.Locator("#created-heading").InnerTextAsync());
        var token = (await page.Locator("code.secret").Last.InnerTextAsync()).Trim();
        Assert.StartsWith("fpsub_", token, StringComparison.Ordinal);
        var id = (await page.Locator(".facts code").First.InnerTextAsync()).Trim();
        Assert.Contains($"/api/notifications/stream?subscription={id}", await page.Locator("pre").InnerTextAsync(), StringComparison.Ordinal);

        using var owner = site.System.Gateway();
        owner.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var subscription = await owner.GetFromJsonAsync<JsonElement>($"/api/notifications/subscriptions/{id}");
        Assert.Equal(["forum.schedule.released", "forum.session.rescheduled"],
            subscription.GetProperty("eventTypes").EnumerateArray().Select(type => type.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("stream", subscription.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task A_subscription_the_api_refuses_shows_the_error_beside_its_field_and_keeps_what_was_typed()
    {
        var page = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync("/subscribe");
        await page.FillAsync("#name", "My newsroom");
        await page.FillAsync("#contact", "desk@example.org");
        await page.FillAsync("#webhookUrl", "ftp://example.org/hook");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Create the subscription" }).ClickAsync(),
            answer => answer.Request.Method == "POST" && answer.Url.EndsWith("/subscribe", StringComparison.Ordinal));

        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        Assert.NotEmpty(await page.Locator("#webhookUrl-error").InnerTextAsync());
        Assert.Equal("webhookUrl-error", await page.Locator("#webhookUrl").GetAttributeAsync("aria-describedby"));
        Assert.Equal("My newsroom", await page.InputValueAsync("#name"));
        Assert.Equal(0, await page.Locator("#created-heading").CountAsync());
    }
}
