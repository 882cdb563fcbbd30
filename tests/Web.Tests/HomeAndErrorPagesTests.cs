using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace ForumPlatform.Web.Tests;

/// <summary>The home page and the site's 404 page, in Chromium, through the gateway of the running system.</summary>
[Collection(WebsiteCollection.Name)]
public sealed class HomeAndErrorPagesTests(WebsiteFixture site)
{
    [Fact]
    public async Task The_home_page_is_complete_without_javaScript_news_programme_figures_and_ways_to_follow()
    {
        var page = await site.NewPageAsync(javaScript: false);

        var response = await page.GotoAsync("/");

        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        Assert.Equal("Tianshan Forum for Central Asia Economic Cooperation 2025", await page.Locator("h1").InnerTextAsync());
        // Other tests publish articles too: the home page shows the five the API lists first.
        using var api = site.System.Gateway();
        var latest = (await api.GetFromJsonAsync<JsonElement>("/api/articles?limit=5")).GetProperty("items").EnumerateArray()
            .Select(article => article.GetProperty("title").GetString()!).ToList();
        Assert.Equal(5, latest.Count);
        Assert.Equal(latest, await page.Locator("section[aria-labelledby=news-heading] .card__title a").AllInnerTextsAsync());
        var figures = page.Locator(".figure");
        Assert.Contains("China–Central Asia trade in goods (2024)", await figures.First.Locator("dt").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("US$ 94.8 billion", await figures.First.Locator(".figure__value").InnerTextAsync());
        var chart = page.Locator("figure.chart img");
        Assert.StartsWith("/api/stats/indicators/sample.trade.china-bilateral.usd/chart.svg", await chart.GetAttributeAsync("src"), StringComparison.Ordinal);
        Assert.Contains("China's trade in goods by partner", await chart.GetAttributeAsync("alt"), StringComparison.Ordinal);
        // The forum is over (December 2025): "now and next" says so instead of listing nothing.
        Assert.Contains("The forum took place", await page.Locator("section[aria-labelledby=programme-heading]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("/subscribe", await page.Locator("section[aria-labelledby=follow-heading] a").First.GetAttributeAsync("href"));
        Assert.Matches("^webcal://[^/]+/api/agenda/forums/tianshan-forum-2025/schedule.ics$",
            await page.GetByText("The programme in your calendar").GetAttributeAsync("href"));
    }

    [Fact]
    public async Task The_chart_and_the_stylesheet_load_under_the_sites_strict_content_policy()
    {
        var page = await site.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                refused.Add(message.Text);
            }
        };

        var response = await page.GotoAsync("/");
        await page.Locator("figure.chart img").ScrollIntoViewIfNeededAsync();

        Assert.Contains("default-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('figure.chart img').naturalWidth > 0"), "the chart loaded");
        Assert.Equal("rgb(31, 78, 121)", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header')).backgroundColor"));
        Assert.Empty(refused);
    }

    [Fact]
    public async Task An_unknown_page_gets_the_sites_404_page_and_an_unknown_api_path_keeps_its_problem_details()
    {
        var page = await site.NewPageAsync();

        var response = await page.GotoAsync("/no/such/page");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Page not found · Tianshan Forum", await page.TitleAsync());
        Assert.Equal("/", await page.Locator("main a").First.GetAttributeAsync("href"));

        using var api = site.System.Gateway();
        var problem = await api.GetAsync("/api/no/such/path");
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_skip_link_is_the_first_keyboard_stop_and_leads_into_the_content()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.getBoundingClientRect().left >= 0"), "the skip link shows when focused");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("A", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.closest('main') !== null"), "the next stop is inside the content");
    }
}
