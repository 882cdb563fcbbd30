namespace ForumPlatform.Web.Tests;

/// <summary>
/// Open pages follow the notification stream: a change made through the API shows without a reload. The waits are
/// generous (the whole path runs through the outbox, the broker and the notifications service); the bench measures the time.
/// </summary>
[Collection(WebsiteCollection.Name)]
public sealed class LivePagesTests(WebsiteFixture site)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private readonly Organizer organizer = new(site);
    private readonly Newsroom newsroom = new(site);

    [Fact]
    public async Task A_released_move_shows_on_an_open_programme_page_without_a_reload_with_a_notice_naming_the_version()
    {
        var room = await organizer.AddRoomAsync($"Live {Guid.NewGuid():N}"[..13]);
        var start = new DateTimeOffset(2025, 12, 3, 18, 0, 0, TimeSpan.FromHours(8));
        var session = await organizer.AddSessionAsync("Live moving session", room, start, start.AddHours(1));
        await organizer.ReleaseAsync("Adds the live moving session.");

        var page = await site.NewPageAsync();
        await page.GotoAsync("/agenda?day=2025-12-03");
        await page.Locator("html[data-live=open]").WaitForAsync(new() { Timeout = (float)Generous.TotalMilliseconds });
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        var cell = page.Locator($"table.programme-grid [data-session='{session}']");
        Assert.Contains("18:00–19:00", await cell.InnerTextAsync(), StringComparison.Ordinal);

        await organizer.MoveAsync(session, "Live moving session", room, start.AddHours(2), start.AddHours(3));
        var version = await organizer.ReleaseAsync("Moves the live moving session.");

        var notice = page.Locator("#live-notice");
        await notice.GetByText($"The programme was updated to version {version}.").WaitForAsync(new() { Timeout = (float)Generous.TotalMilliseconds });
        Assert.Contains("20:00–21:00", await cell.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("changed", await cell.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was not reloaded");
    }

    [Fact]
    public async Task A_published_article_appears_on_an_open_home_page()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("html[data-live=open]").WaitForAsync(new() { Timeout = (float)Generous.TotalMilliseconds });
        var title = $"Live story {Guid.NewGuid():N}"[..20];

        await newsroom.PublishAsync(new { title, language = "en", summary = "Breaking.", body = "Text." });

        var news = page.Locator("section[aria-labelledby=news-heading]");
        await news.GetByText(title).WaitForAsync(new() { Timeout = (float)Generous.TotalMilliseconds });
        Assert.Equal($"New article: {title}", await page.Locator("#live-notice").InnerTextAsync());
    }

    [Fact]
    public async Task The_own_time_zone_link_appears_with_javaScript_and_names_the_browsers_zone()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/agenda");

        var link = page.Locator("a.js-own-zone");
        Assert.True(await link.IsVisibleAsync());
        Assert.Contains("tz=", await link.GetAttributeAsync("href") ?? "", StringComparison.Ordinal);
    }
}
