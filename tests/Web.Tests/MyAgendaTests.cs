using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using Ical.Net;
using Microsoft.Playwright;

namespace ForumPlatform.Web.Tests;

/// <summary>
/// A signed-in reader's own agenda: stars kept by the agenda service, "My agenda", a calendar feed at a secret address
/// that follows releases, an alert on an open page when a starred session moves, and nothing left when the account goes.
/// </summary>
[Collection(WebsiteCollection.Name)]
public sealed class MyAgendaTests(WebsiteFixture site)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Evening = new(2025, 12, 3, 18, 0, 0, TimeSpan.FromHours(8));
    private readonly Organizer organizer = new(site);

    /// <summary>Released sessions of the test's own, one after another from 18:00 on 3 December in a room of their own.</summary>
    private async Task<(Guid Room, Guid[] Sessions)> ReleasedSessionsAsync(params string[] titles)
    {
        var room = await organizer.AddRoomAsync($"Mine {Guid.NewGuid():N}"[..13]);
        var sessions = new List<Guid>();
        foreach (var (title, index) in titles.Select((title, index) => (title, index)))
        {
            sessions.Add(await organizer.AddSessionAsync(title, room, Evening.AddHours(index), Evening.AddHours(index + 1)));
        }

        await organizer.ReleaseAsync($"Adds {string.Join(", ", titles)}.");
        return (room, [.. sessions]);
    }

    private async Task<Calendar> FeedAsync(string address)
    {
        using var calendarApp = site.System.Gateway();
        return Calendar.Load(await calendarApp.GetStringAsync(new Uri(address).PathAndQuery))!;
    }

    private static ILocator StarIn(IPage page, string container, Guid session) =>
        page.Locator($"{container} [data-session='{session}'] button.star");

    [Fact]
    public async Task A_reader_stars_sessions_and_their_calendar_feed_has_them_and_follows_a_release()
    {
        var (room, sessions) = await ReleasedSessionsAsync("Starred rail session", "Starred water session");
        var (rail, water) = (sessions[0], sessions[1]);
        var page = await Reader.SignedInAsync(site, "/agenda?day=2025-12-03");

        // From the programme grid (a compact star), and from the session page (a button with its name).
        await StarIn(page, "table.programme-grid", rail).ClickAsync();
        await Assertions.Expect(StarIn(page, "table.programme-grid", rail)).ToHaveAttributeAsync("data-starred", "true");
        await Assertions.Expect(page.Locator(".my-agenda-bar a")).ToHaveTextAsync("My agenda (1)");
        await page.GotoAsync($"/agenda/sessions/{water}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to my agenda" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove from my agenda" })).ToHaveCountAsync(1);

        await page.GotoAsync("/my-agenda");
        var agenda = page.Locator("ul.sessions");
        Assert.Equal(["Starred rail session", "Starred water session"], await agenda.Locator(".session__title a").AllInnerTextsAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Get my calendar address" }).ClickAsync();
        await Assertions.Expect(page.Locator("#calendar-address")).ToBeVisibleAsync();
        var address = await page.Locator("#calendar-address").InnerTextAsync();
        Assert.StartsWith(site.Address.ToString(), address, StringComparison.Ordinal);

        var feed = await FeedAsync(address);
        Assert.Equal(new[] { rail, water }.Select(id => $"{id}@forumplatform").Order(StringComparer.Ordinal),
            feed.Events.Select(e => e.Uid!).Order(StringComparer.Ordinal));
        Assert.Equal(Evening.UtcDateTime, feed.Events.Single(e => e.Uid == $"{rail}@forumplatform").Start!.AsUtc);

        await organizer.MoveAsync(rail, "Starred rail session", room, Evening.AddHours(3), Evening.AddHours(4));
        await organizer.ReleaseAsync("Moves the starred rail session.");
        var moved = (await FeedAsync(address)).Events.Single(e => e.Uid == $"{rail}@forumplatform");
        Assert.Equal(Evening.AddHours(3).UtcDateTime, moved.Start!.AsUtc);
        Assert.Equal(1, moved.Sequence);

        // Removed from the agenda: gone from the feed; the address turned off: the feed is gone.
        await page.GotoAsync("/my-agenda"); // not a reload: that would post again and make a new address
        await page.Locator($"ul.sessions [data-session='{water}']").GetByRole(AriaRole.Button, new() { Name = "Remove from my agenda" }).ClickAsync();
        // Back on My agenda without it (the form came back): only then is the feed read.
        await Assertions.Expect(page.Locator($"ul.sessions [data-session='{water}']")).ToHaveCountAsync(0);
        Assert.Equal([$"{rail}@forumplatform"], (await FeedAsync(address)).Events.Select(e => e.Uid));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn the address off" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Get my calendar address" })).ToBeVisibleAsync();
        using var calendarApp = site.System.Gateway();
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(new Uri(address).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task An_open_programme_page_alerts_the_reader_when_a_session_in_their_agenda_moves()
    {
        var (room, sessions) = await ReleasedSessionsAsync("Alerting energy session");
        var page = await Reader.SignedInAsync(site, "/agenda?day=2025-12-03");
        await StarIn(page, "table.programme-grid", sessions[0]).ClickAsync();
        await page.Locator("html[data-live=open]").WaitForAsync(new() { Timeout = (float)Generous.TotalMilliseconds });

        await organizer.MoveAsync(sessions[0], "Alerting energy session", room, Evening.AddHours(2), Evening.AddHours(3));
        await organizer.ReleaseAsync("Moves the alerting energy session.");

        // Announced as an alert: the text arrives in the page's role=alert element, hidden until then.
        var alert = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "A session in your agenda moved: Alerting energy session." });
        await alert.WaitForAsync(new() { Timeout = (float)Generous.TotalMilliseconds });
    }

    [Fact]
    public async Task Stars_work_from_the_keyboard_and_the_readers_pages_pass_axe_at_both_widths()
    {
        var (_, sessions) = await ReleasedSessionsAsync("Keyboard-starred session");
        var page = await Reader.SignedInAsync(site, $"/agenda/sessions/{sessions[0]}");

        await PageChecks.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add to my agenda" }), atMost: 40);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove from my agenda" }).WaitForAsync();

        var signedIn = await page.Context.StorageStateAsync();
        await PageChecks.AssertAccessibleAndFitsAsync(site, "/my-agenda", signedIn);
        await PageChecks.AssertAccessibleAndFitsAsync(site, "/agenda?day=2025-12-03", signedIn);
    }

    [Fact]
    public async Task Organizers_see_how_many_readers_starred_a_session_and_a_deleted_account_takes_its_stars_along()
    {
        var (_, sessions) = await ReleasedSessionsAsync("Counted transport session");
        var reader = await Reader.SignedInAsync(site, $"/agenda/sessions/{sessions[0]}");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Add to my agenda" }).ClickAsync();

        var staff = await Staff.SignedInAsync(site, ForumRoles.Organizer, $"/agenda/sessions/{sessions[0]}");
        var count = staff.Locator("dl.facts div").Filter(new() { HasText = "In readers' agendas" }).Locator("dd");
        Assert.Equal("1", await count.InnerTextAsync());
        Assert.Equal(0, await reader.Locator("dl.facts").GetByText("In readers' agendas").CountAsync()); // readers see no counts

        await reader.GotoAsync("/account/delete");
        await reader.FillAsync("input[type=password]", Reader.Password);
        await reader.Locator("form button[type=submit]").First.ClickAsync();

        using var organizerApi = site.System.Gateway(ForumRoles.Organizer);
        await ForumPlatform.Testing.Eventually.TrueAsync(async () =>
            {
                var counts = await organizerApi.GetFromJsonAsync<JsonElement>($"{Organizer.Forum}/stars");
                return !counts.EnumerateArray().Any(c => c.GetProperty("sessionId").GetGuid() == sessions[0]);
            },
            Generous, "the deleted reader's star to go");
    }
}
