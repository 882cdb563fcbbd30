using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.Contracts;
using ForumPlatform.Testing;
using Ical.Net;
using static ForumPlatform.Agenda.Tests.AgendaServiceFixture;

namespace ForumPlatform.Agenda.Tests;

/// <summary>A signed-in person's stars, their calendar feed at a secret address, and the counts organizers read.</summary>
[Collection(AgendaCollection.Name)]
public sealed class StarsTests(AgendaServiceFixture service)
{
    private const string Me = "/api/agenda/me";

    /// <summary>A released session in a room of the test's own, 3 December 19:00–19:30 in Urumqi.</summary>
    private async Task<(string Id, string Room)> ReleasedSessionAsync(string title)
    {
        var room = await service.NewRoomAsync();
        var created = await Read(await service.Organizer().PostAsJsonAsync($"{Forum}/sessions",
            Session(title, "2025-12-03T19:00:00+08:00", "2025-12-03T19:30:00+08:00", room)));
        await ReleaseAsync($"Adds {title}.");
        return (created.GetProperty("id").GetString()!, room);
    }

    private async Task ReleaseAsync(string comment) =>
        await Read(await service.Organizer().PostAsJsonAsync($"{Forum}/releases", new { comment }));

    private static string NewSubject() => $"reader-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_reader_stars_and_unstars_released_sessions_and_sees_only_their_own()
    {
        var (id, _) = await ReleasedSessionAsync("Starred freight corridors");
        using var reader = service.Reader(NewSubject());
        using var other = service.Reader(NewSubject());

        var first = await Read(await reader.PutAsync($"{Me}/stars/{id}", null));
        Assert.Equal("tianshan-forum-2025", first.GetProperty("forum").GetString());
        var again = await Read(await reader.PutAsync($"{Me}/stars/{id}", null));
        Assert.Equal(first.GetProperty("starredAt").GetDateTimeOffset(), again.GetProperty("starredAt").GetDateTimeOffset());

        var mine = await reader.GetFromJsonAsync<JsonElement>($"{Me}/stars?forum=tianshan-forum-2025");
        Assert.Equal([id], mine.EnumerateArray().Select(star => star.GetProperty("sessionId").GetString()));
        Assert.Equal(0, (await reader.GetFromJsonAsync<JsonElement>($"{Me}/stars?forum=another-forum")).GetArrayLength());
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>($"{Me}/stars")).GetArrayLength());

        Assert.Equal(HttpStatusCode.NoContent, (await reader.DeleteAsync($"{Me}/stars/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await reader.DeleteAsync($"{Me}/stars/{id}")).StatusCode);
        Assert.Equal(0, (await reader.GetFromJsonAsync<JsonElement>($"{Me}/stars")).GetArrayLength());
    }

    [Fact]
    public async Task Only_released_sessions_can_be_starred_and_only_with_a_token()
    {
        var room = await service.NewRoomAsync();
        var draft = await Read(await service.Organizer().PostAsJsonAsync($"{Forum}/sessions",
            Session("Not yet released", "2025-12-03T19:00:00+08:00", "2025-12-03T19:30:00+08:00", room)));
        using var reader = service.Reader(NewSubject());

        foreach (var id in new[] { draft.GetProperty("id").GetString(), Guid.NewGuid().ToString() })
        {
            var response = await reader.PutAsync($"{Me}/stars/{id}", null);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var anonymous = service.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Me}/stars")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{Me}/calendar", null)).StatusCode);
        Assert.Equal(0, (await reader.GetFromJsonAsync<JsonElement>($"{Me}/stars")).GetArrayLength());
    }

    [Fact]
    public async Task The_calendar_feed_follows_releases_and_its_address_can_be_replaced_and_revoked()
    {
        var (id, room) = await ReleasedSessionAsync("Feed-followed water session");
        using var reader = service.Reader(NewSubject());
        await Read(await reader.PutAsync($"{Me}/stars/{id}", null));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"{Me}/calendar")).StatusCode);

        var created = await reader.PostAsync($"{Me}/calendar", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = (await Read(created)).GetProperty("url").GetString()!;
        var feed = new Uri(url).PathAndQuery;
        Assert.Equal($"{Me}/calendar", created.Headers.Location?.OriginalString); // the secret address is in the body alone
        Assert.Null((await Read(await reader.GetAsync($"{Me}/calendar"))).GetProperty("url").GetString());

        using var calendarApp = service.Anonymous();
        var before = await calendarApp.GetAsync(feed);
        var calendar = Calendar.Load(await before.Content.ReadAsStringAsync())!;
        var starred = Assert.Single(calendar.Events);
        Assert.Equal($"{id}@forumplatform", starred.Uid);
        Assert.Equal(new DateTime(2025, 12, 3, 11, 0, 0, DateTimeKind.Utc), starred.Start!.AsUtc);
        using (var conditional = new HttpRequestMessage(HttpMethod.Get, feed))
        {
            conditional.Headers.IfNoneMatch.Add(before.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await calendarApp.SendAsync(conditional)).StatusCode);
        }

        await Read(await SessionWrites.EditAsync(service.Organizer(), Forum, id,
            Session("Feed-followed water session", "2025-12-03T20:00:00+08:00", "2025-12-03T20:30:00+08:00", room)));
        await ReleaseAsync("Moves the water session.");
        var moved = Assert.Single(Calendar.Load(await calendarApp.GetStringAsync(feed))!.Events);
        Assert.Equal(new DateTime(2025, 12, 3, 12, 0, 0, DateTimeKind.Utc), moved.Start!.AsUtc);
        Assert.Equal(1, moved.Sequence);

        await Read(await SessionWrites.CancelAsync(service.Organizer(), Forum, id));
        await ReleaseAsync("Cancels the water session.");
        Assert.Equal("CANCELLED", Assert.Single(Calendar.Load(await calendarApp.GetStringAsync(feed))!.Events).Status);

        var replaced = new Uri((await Read(await reader.PostAsync($"{Me}/calendar", null))).GetProperty("url").GetString()!).PathAndQuery;
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(feed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(replaced)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await reader.DeleteAsync($"{Me}/calendar")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(replaced)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"{Me}/calendar")).StatusCode);
    }

    [Fact]
    public async Task Organizers_read_how_many_people_starred_each_session_and_nobody_else_does()
    {
        var (id, _) = await ReleasedSessionAsync("Twice-starred energy session");
        foreach (var subject in new[] { NewSubject(), NewSubject() })
        {
            using var reader = service.Reader(subject);
            await Read(await reader.PutAsync($"{Me}/stars/{id}", null));
        }

        var counts = await service.Organizer().GetFromJsonAsync<JsonElement>($"{Forum}/stars");
        var count = Assert.Single(counts.EnumerateArray(), c => c.GetProperty("sessionId").GetString() == id);
        Assert.Equal(2, count.GetProperty("stars").GetInt32());

        using var someReader = service.Reader(NewSubject());
        Assert.Equal(HttpStatusCode.Forbidden, (await someReader.GetAsync($"{Forum}/stars")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Anonymous().GetAsync($"{Forum}/stars")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Organizer().GetAsync("/api/agenda/forums/no-such-forum/stars")).StatusCode);
    }

    [Fact]
    public async Task A_deleted_account_loses_its_stars_and_calendar_feed_and_nobody_else_does()
    {
        var (id, _) = await ReleasedSessionAsync("Session of a deleted reader");
        var (deletedSubject, keptSubject) = (NewSubject(), NewSubject());
        using var deleted = service.Reader(deletedSubject);
        using var kept = service.Reader(keptSubject);
        foreach (var reader in new[] { deleted, kept })
        {
            await Read(await reader.PutAsync($"{Me}/stars/{id}", null));
            await Read(await reader.PostAsync($"{Me}/calendar", null));
        }

        await service.PublishAsync(new AccountDeleted(Guid.NewGuid(), DateTimeOffset.UtcNow, deletedSubject));

        await Eventually.TrueAsync(async () => (await deleted.GetFromJsonAsync<JsonElement>($"{Me}/stars")).GetArrayLength() == 0,
            TimeSpan.FromSeconds(30), "the deleted account's stars to go");
        Assert.Equal(HttpStatusCode.NotFound, (await deleted.GetAsync($"{Me}/calendar")).StatusCode);
        Assert.Equal(1, (await kept.GetFromJsonAsync<JsonElement>($"{Me}/stars")).GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync($"{Me}/calendar")).StatusCode);
    }
}
