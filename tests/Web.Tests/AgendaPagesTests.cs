using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace ForumPlatform.Web.Tests;

/// <summary>The programme, session and speaker pages and the changelog, in Chromium, over the demo forum (times in Asia/Shanghai).</summary>
[Collection(WebsiteCollection.Name)]
public sealed class AgendaPagesTests(WebsiteFixture site)
{
    private const string Opening = "Opening plenary: Unlocking Connectivity and Investment in Central Asia";
    private readonly Organizer organizer = new(site);

    [Fact]
    public async Task The_programme_is_a_grid_of_rooms_and_times_on_a_desktop_and_a_list_on_a_phone()
    {
        var desktop = await site.NewPageAsync(javaScript: false);
        await desktop.GotoAsync("/agenda?day=2025-12-02");

        var grid = desktop.Locator("table.programme-grid");
        Assert.True(await grid.IsVisibleAsync());
        Assert.False(await desktop.Locator(".programme-list").IsVisibleAsync());
        Assert.Contains("Main Hall (sample)", await grid.Locator("thead th").AllInnerTextsAsync());
        var opening = grid.Locator("tbody tr", new() { Has = desktop.GetByText(Opening) });
        Assert.Equal("09:00", await opening.Locator("th").InnerTextAsync());
        var lunch = grid.Locator("td.whole-forum", new() { HasText = "Lunch break" });
        Assert.Equal((await grid.Locator("thead th").CountAsync() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), await lunch.GetAttributeAsync("colspan"));
        Assert.Equal("page", await desktop.Locator(".days a", new() { HasText = "December 2, 2025" }).GetAttributeAsync("aria-current"));

        var phone = await site.NewPageAsync(javaScript: false, width: WebsiteFixture.PhoneWidth);
        await phone.GotoAsync("/agenda?day=2025-12-02");
        Assert.False(await phone.Locator("table.programme-grid").IsVisibleAsync());
        Assert.True(await phone.Locator(".programme-list").GetByText(Opening).IsVisibleAsync());
    }

    [Fact]
    public async Task Track_filter_and_the_readers_time_zone_work_as_a_plain_form()
    {
        var page = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync("/agenda?day=2025-12-02");
        await page.SelectOptionAsync("#track", "transport");
        await page.SelectOptionAsync("#tz", "Europe/Moscow");
        await page.Locator("form.filters button").ClickAsync();

        var titles = await page.Locator("table.programme-grid .session__title").AllInnerTextsAsync();
        Assert.Equal(["Transport corridors across Central Asia"], titles);
        Assert.Equal("08:30", await page.Locator("table.programme-grid tbody th").First.InnerTextAsync()); // 13:30 in Shanghai
        Assert.Contains("Europe/Moscow (UTC+03:00)", await page.Locator(".zone-note").InnerTextAsync(), StringComparison.Ordinal);
        Assert.EndsWith("/api/agenda/forums/tianshan-forum-2025/tracks/transport/schedule.ics",
            await page.GetByText("Subscribe to the track “Transport” (calendar)").GetAttributeAsync("href"), StringComparison.Ordinal);

        await page.GotoAsync("/agenda?day=2025-12-02&tz=Mars/Olympus");
        Assert.Contains("“Mars/Olympus” is unknown", await page.Locator(".notice--warning").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("09:00", await page.Locator("table.programme-grid tbody th").First.InnerTextAsync());
    }

    [Fact]
    public async Task A_session_page_names_its_speakers_links_their_pages_and_describes_itself_as_a_schema_org_event()
    {
        var page = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync("/agenda?day=2025-12-02");
        await page.Locator("table.programme-grid").GetByText(Opening).ClickAsync();

        Assert.Equal(Opening, await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Main Hall (sample)", await page.Locator(".facts").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches("^webcal://[^/]+/api/agenda/forums/tianshan-forum-2025/sessions/[0-9a-f-]+/session.ics$",
            await page.GetByText("Add to your calendar").GetAttributeAsync("href"));
        var data = JsonDocument.Parse(await page.Locator("script[type='application/ld+json']").InnerTextAsync()).RootElement;
        Assert.Equal("Event", data.GetProperty("@type").GetString());
        Assert.Equal(new DateTimeOffset(2025, 12, 2, 1, 0, 0, TimeSpan.Zero), data.GetProperty("startDate").GetDateTimeOffset());
        Assert.Contains(data.GetProperty("performer").EnumerateArray(), person => person.GetProperty("name").GetString() == "Lan Fo'an");
        var sessionPath = new Uri(page.Url).PathAndQuery;

        await page.GetByRole(AriaRole.Link, new() { Name = "Lan Fo'an" }).ClickAsync();
        Assert.Equal("Lan Fo'an", await page.Locator("h1").InnerTextAsync());
        Assert.Contains(Opening, string.Join('\n', await page.Locator(".sessions").AllInnerTextsAsync()), StringComparison.Ordinal);
        var speakerPath = new Uri(page.Url).PathAndQuery;

        await PageChecks.AssertAccessibleAndFitsAsync(site, sessionPath);
        await PageChecks.AssertAccessibleAndFitsAsync(site, speakerPath);
        var missing = await page.GotoAsync($"/agenda/sessions/{Guid.NewGuid()}");
        Assert.Equal((int)HttpStatusCode.NotFound, missing!.Status);
    }

    [Fact]
    public async Task A_released_move_shows_in_the_programme_and_in_what_changed()
    {
        var room = await organizer.AddRoomAsync($"Room {Guid.NewGuid():N}"[..13]);
        var day = new DateTimeOffset(2025, 12, 3, 17, 0, 0, TimeSpan.FromHours(8));
        var session = await organizer.AddSessionAsync("Moving session", room, day, day.AddHours(1));
        await organizer.ReleaseAsync("Adds the moving session.");
        await organizer.MoveAsync(session, "Moving session", room, day.AddHours(2), day.AddHours(3));
        var version = await organizer.ReleaseAsync("Moves the moving session.");

        var page = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync($"/agenda/sessions/{session}");
        Assert.Contains("19:00–20:00", await page.Locator(".facts").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync($"/agenda/changes#v{version}");
        var release = page.Locator($"section[id='v{version}']");
        Assert.Equal($"Version {version}", await release.Locator("h2").InnerTextAsync());
        Assert.Contains("Moves the moving session.", await release.InnerTextAsync(), StringComparison.Ordinal);
        var change = release.Locator("li", new() { HasText = "Moving session" });
        Assert.Contains("Moved", await change.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("17:00", await change.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("19:00", await change.InnerTextAsync(), StringComparison.Ordinal);
    }
}
