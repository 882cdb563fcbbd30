using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;
using Microsoft.Playwright;

namespace ForumPlatform.Web.Tests;

/// <summary>Organizers at work in the website's workspace, in Chromium through the gateway, against the whole system.</summary>
[Collection(WebsiteCollection.Name)]
public sealed class WorkspaceProgrammeTests(WebsiteFixture site)
{
    /// <summary>An evening of the demo forum (Asia/Shanghai) no demo session uses; each test books rooms of its own.</summary>
    private static readonly DateTimeOffset Evening = new(2025, 12, 2, 20, 0, 0, TimeSpan.FromHours(8));

    private readonly Organizer organizer = new(site);

    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}"[..(text.Length + 9)];

    [Fact]
    public async Task An_organizer_sees_a_clash_at_the_field_fixes_it_previews_the_release_releases_it_and_the_public_programme_changes()
    {
        var roomName = Unique("Clash room");
        var room = await organizer.AddRoomAsync(roomName);
        var booked = Unique("Booked session");
        await organizer.AddSessionAsync(booked, room, Evening, Evening.AddHours(1));
        var title = Unique("Workspace panel");
        var page = await Staff.SignedInAsync(site, ForumRoles.Organizer, "/workspace/programme/sessions/new?day=2025-12-02");

        await page.FillAsync("#title", title);
        await page.FillAsync("#start", "20:30");
        await page.FillAsync("#end", "21:30");
        await page.SelectOptionAsync("#room", room.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the session" }).ClickAsync();

        // The clash is told beside the room, the form keeps what was written, and nothing is added.
        await Assertions.Expect(page.Locator("#room-error")).ToContainTextAsync($"Room '{roomName}' is booked");
        await Assertions.Expect(page.Locator("#room-error")).ToContainTextAsync(booked);
        await Assertions.Expect(page.Locator("#room")).ToHaveAttributeAsync("aria-describedby", "room-error");
        await Assertions.Expect(page.Locator("#title")).ToHaveValueAsync(title);

        await page.FillAsync("#start", "21:00");
        await page.FillAsync("#end", "21:45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the session" }).ClickAsync();
        await page.WaitForURLAsync("**/workspace/programme?day=2025-12-02&done=added**");
        var added = page.Locator(".programme-grid .cell-session").Filter(new() { HasText = title });
        await Assertions.Expect(added.GetByText("Not yet released")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Preview and release version") }).ClickAsync();
        await page.WaitForURLAsync("**/workspace/programme/release");
        var change = page.Locator(".changes li").Filter(new() { HasText = title });
        await Assertions.Expect(change.Locator(".badge")).ToHaveTextAsync("New");
        await Assertions.Expect(change).ToContainTextAsync($"21:00, {roomName}");
        await page.FillAsync("#comment", "Adds a workspace panel.");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Release version") }).ClickAsync();
        await page.WaitForURLAsync("**/workspace/programme?released=**");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "is public now" })).ToBeVisibleAsync();

        var reader = await site.NewPageAsync();
        await reader.GotoAsync("/agenda?day=2025-12-02");
        await Assertions.Expect(reader.Locator(".programme-grid").GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await reader.GotoAsync("/agenda/changes");
        await Assertions.Expect(reader.GetByText("Adds a workspace panel.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_room_renamed_in_the_workspace_reaches_the_next_releases_schedule_xml_still_valid_against_its_schema()
    {
        var room = await organizer.AddRoomAsync(Unique("Room before"));
        var title = Unique("Session in a renamed room");
        await organizer.AddSessionAsync(title, room, Evening.AddHours(1), Evening.AddHours(2));
        await organizer.ReleaseAsync("Adds a session in a room to be renamed.");
        var page = await Staff.SignedInAsync(site, ForumRoles.Organizer, "/workspace/programme/parts");

        var renamed = Unique("Room after");
        await page.FillAsync($"#room-{room}-name", renamed);
        await page.Locator($"form:has(#room-{room}-name)").GetByRole(AriaRole.Button, new() { Name = "Save the room" }).ClickAsync();
        await page.WaitForURLAsync("**/workspace/programme/parts?done=saved");
        await Assertions.Expect(page.Locator($"#room-{room}-name")).ToHaveValueAsync(renamed);

        await page.GotoAsync("/workspace/programme/release");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Release version") }).ClickAsync();
        await page.WaitForURLAsync("**/workspace/programme?released=**");

        using var anyone = site.System.Gateway();
        var xml = await anyone.GetStringAsync($"{Organizer.Forum}/schedule.xml");
        Assert.Empty(ScheduleSchemas.XsdProblems(xml));
        var session = XDocument.Parse(xml).Descendants("event").Single(e => e.Element("title")!.Value == title);
        Assert.Equal(renamed, session.Element("room")!.Value);
    }

    [Fact]
    public async Task A_stale_session_edit_shows_the_other_organizers_version_and_saving_again_replaces_it_knowingly()
    {
        var room = await organizer.AddRoomAsync(Unique("Stale room"));
        var session = await organizer.AddSessionAsync(Unique("Stale session"), room, Evening.AddHours(2), Evening.AddHours(3));
        var page = await Staff.SignedInAsync(site, ForumRoles.Organizer, $"/workspace/programme/sessions/{session}");

        var theirs = Unique("Retitled by another organizer");
        await organizer.MoveAsync(session, theirs, room, Evening.AddHours(2), Evening.AddHours(3));
        var mine = Unique("Retitled by me");
        await page.FillAsync("#title", mine);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Another organizer changed this session" });
        await Assertions.Expect(alert).ToContainTextAsync(theirs);
        await Assertions.Expect(page.Locator("#title")).ToHaveValueAsync(mine);
        using var api = site.System.Gateway(ForumRoles.Organizer);
        Assert.Equal(theirs, (await api.GetFromJsonAsync<JsonElement>($"{Organizer.Forum}/working-copy/sessions/{session}")).GetProperty("title").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**done=saved**");
        Assert.Equal(mine, (await api.GetFromJsonAsync<JsonElement>($"{Organizer.Forum}/working-copy/sessions/{session}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Organizers_see_star_counts_cancel_with_the_keyboard_alone_and_every_organizer_page_passes_axe_at_both_widths()
    {
        var room = await organizer.AddRoomAsync(Unique("Starred room"));
        var title = Unique("Starred workspace session");
        var session = await organizer.AddSessionAsync(title, room, Evening.AddHours(3), Evening.AddHours(4));
        await organizer.ReleaseAsync("Adds a session readers will star.");
        var reader = await Reader.SignedInAsync(site, $"/agenda/sessions/{session}");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Add to my agenda" }).ClickAsync();
        await reader.GetByRole(AriaRole.Button, new() { Name = "Remove from my agenda" }).WaitForAsync();

        var page = await Staff.SignedInAsync(site, ForumRoles.Organizer, "/workspace/programme?day=2025-12-02");
        var cell = page.Locator(".programme-grid .cell-session").Filter(new() { HasText = title });
        await Assertions.Expect(cell.Locator(".stars")).ToHaveTextAsync("★ 1 in readers' agendas");

        await page.GotoAsync($"/workspace/programme/sessions/{session}");
        await PageChecks.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Cancel the session" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**done=cancelled**");
        using var api = site.System.Gateway(ForumRoles.Organizer);
        Assert.Equal("cancelled", (await api.GetFromJsonAsync<JsonElement>($"{Organizer.Forum}/working-copy/sessions/{session}")).GetProperty("status").GetString());

        var signedIn = await page.Context.StorageStateAsync();
        foreach (var path in new[]
                 {
                     "/workspace/programme?day=2025-12-02", "/workspace/programme/sessions/new?day=2025-12-02", $"/workspace/programme/sessions/{session}",
                     "/workspace/programme/release", "/workspace/programme/parts",
                 })
        {
            await PageChecks.AssertAccessibleAndFitsAsync(site, path, signedIn);
        }
    }
}
