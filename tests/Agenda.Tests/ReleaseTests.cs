using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.Contracts;
using ForumPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using static ForumPlatform.Agenda.Tests.AgendaServiceFixture;

namespace ForumPlatform.Agenda.Tests;

/// <summary>Working-copy edits stay private until a release, which lists and announces what changed.</summary>
[Collection(AgendaCollection.Name)]
public sealed class ReleaseTests(AgendaServiceFixture service)
{
    [Fact]
    public async Task Demo_forum_is_released_as_1_0_with_its_opening_and_launch()
    {
        var releases = await service.Anonymous().GetFromJsonAsync<JsonElement>($"{Forum}/releases");
        Assert.Equal("1.0", releases.EnumerateArray().Last().GetProperty("version").GetString());

        var schedule = await service.Anonymous().GetFromJsonAsync<JsonElement>($"{Forum}/schedule?version=1.0");
        Assert.Equal(new[] { "transport", "energy", "digital-connectivity" }.Order(), schedule.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("slug").GetString()).Order());
        var opening = schedule.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("title").GetString()!.StartsWith("Opening plenary"));
        Assert.Equal(["Charymuhammet Shallyyev", "Lan Fo'an", "Ahsan Iqbal"], opening.GetProperty("speakers").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Contains(schedule.GetProperty("sessions").EnumerateArray(), s => s.GetProperty("title").GetString() == "Launch of the Central Asia fiscal cooperation research center");
    }

    [Fact]
    public async Task New_moved_and_cancelled_sessions_become_public_only_with_a_release_and_are_announced()
    {
        var organizer = service.Organizer();
        using var reader = service.Anonymous();
        var word = $"zq{Guid.NewGuid():N}"[..10];
        var room = await service.NewRoomAsync();

        var created = await Read(await organizer.PostAsJsonAsync($"{Forum}/sessions",
            Session($"Rail freight {word}", "2025-12-03T19:00:00+08:00", "2025-12-03T19:30:00+08:00", room)));
        var id = created.GetProperty("id").GetString();
        Assert.Equal(0, (await reader.GetFromJsonAsync<JsonElement>($"{Forum}/sessions?q={word}")).GetArrayLength());

        var first = await ReleaseAsync(organizer, "Adds the rail freight session.");
        Assert.Contains(first.GetProperty("changes").EnumerateArray(), c => c.GetProperty("sessionId").GetString() == id && c.GetProperty("kind").GetString() == "new");
        Assert.Single((await reader.GetFromJsonAsync<JsonElement>($"{Forum}/sessions?q={word}")).EnumerateArray());

        await Read(await SessionWrites.EditAsync(organizer, Forum, id!,
            Session($"Rail freight {word}", "2025-12-03T19:30:00+08:00", "2025-12-03T20:00:00+08:00", room)));
        var second = await ReleaseAsync(organizer, "Moves the rail freight session.");
        var moved = Assert.Single(second.GetProperty("changes").EnumerateArray(), c => c.GetProperty("sessionId").GetString() == id);
        Assert.Equal("moved", moved.GetProperty("kind").GetString());
        Assert.Equal(DateTimeOffset.Parse("2025-12-03T11:00:00Z"), moved.GetProperty("oldStart").GetDateTimeOffset());
        Assert.Equal(DateTimeOffset.Parse("2025-12-03T11:30:00Z"), moved.GetProperty("newStart").GetDateTimeOffset());

        var now = await reader.GetFromJsonAsync<JsonElement>($"{Forum}/sessions/{id}");
        Assert.Equal(1, now.GetProperty("sequence").GetInt32());
        var before = await reader.GetFromJsonAsync<JsonElement>($"{Forum}/sessions/{id}?version={first.GetProperty("version").GetString()}");
        Assert.Equal(DateTimeOffset.Parse("2025-12-03T11:00:00Z"), before.GetProperty("start").GetDateTimeOffset());

        await Read(await SessionWrites.CancelAsync(organizer, Forum, id!));
        var third = await ReleaseAsync(organizer, "Cancels the rail freight session.");
        Assert.Contains(third.GetProperty("changes").EnumerateArray(), c => c.GetProperty("sessionId").GetString() == id && c.GetProperty("kind").GetString() == "cancelled");
        Assert.Equal("cancelled", (await reader.GetFromJsonAsync<JsonElement>($"{Forum}/sessions/{id}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await SessionWrites.DeleteAsync(organizer, Forum, id!)).StatusCode);

        var events = await service.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Body.Contains(id!)).Select(m => m.MessageType).ToListAsync());
        Assert.Equal([typeof(SessionScheduled).FullName!, typeof(SessionRescheduled).FullName!, typeof(SessionCancelled).FullName!], events);
        var version = third.GetProperty("version").GetString();
        Assert.True(await service.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.MessageType == typeof(ScheduleReleased).FullName && m.Body.Contains($"\"version\":\"{version}\""))));
    }

    [Fact]
    public async Task Reads_answer_304_to_the_current_release_and_200_after_a_new_one()
    {
        using var reader = service.Anonymous();
        var response = await reader.GetAsync($"{Forum}/schedule");
        var etag = response.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, $"{Forum}/schedule");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await reader.SendAsync(again)).StatusCode);

        var room = await service.NewRoomAsync();
        await Read(await service.Organizer().PostAsJsonAsync($"{Forum}/sessions",
            Session("A session for a new release", "2025-12-03T19:00:00+08:00", "2025-12-03T19:30:00+08:00", room)));
        await ReleaseAsync(service.Organizer(), "A release with one new session.");
        using var afterRelease = new HttpRequestMessage(HttpMethod.Get, $"{Forum}/schedule");
        afterRelease.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await reader.SendAsync(afterRelease)).StatusCode);
    }

    [Theory]
    [InlineData("/api/agenda/forums")]
    [InlineData(Forum)]
    [InlineData(Forum + "/releases")]
    public async Task Reads_that_are_not_a_release_answer_304_to_their_etag_too(string path)
    {
        using var reader = service.Anonymous();
        var first = await reader.GetAsync(path);
        first.EnsureSuccessStatusCode();
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await reader.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task The_preview_lists_what_the_next_release_would_announce_and_a_release_with_nothing_in_it_is_refused()
    {
        var organizer = service.Organizer();
        var room = await service.NewRoomAsync();
        var created = await Read(await organizer.PostAsJsonAsync($"{Forum}/sessions",
            Session("Previewed session", "2025-12-03T19:00:00+08:00", "2025-12-03T19:30:00+08:00", room)));
        var id = created.GetProperty("id").GetString();

        var preview = await Read(await organizer.GetAsync($"{Forum}/releases/preview"));
        Assert.True(preview.GetProperty("changesAnything").GetBoolean());
        var change = Assert.Single(preview.GetProperty("changes").EnumerateArray(), c => c.GetProperty("sessionId").GetString() == id);
        Assert.Equal("new", change.GetProperty("kind").GetString());
        var released = await ReleaseAsync(organizer, "Adds the previewed session.");
        Assert.Equal(preview.GetProperty("nextVersion").GetString(), released.GetProperty("version").GetString());

        var nothing = await Read(await organizer.GetAsync($"{Forum}/releases/preview"));
        Assert.False(nothing.GetProperty("changesAnything").GetBoolean());
        Assert.Equal(0, nothing.GetProperty("changes").GetArrayLength());
        var releasesBefore = await service.WithDbAsync(db => db.Releases.CountAsync());
        var eventsBefore = await service.WithDbAsync(db => db.OutboxMessages.CountAsync());

        var refused = await organizer.PostAsJsonAsync($"{Forum}/releases", new { comment = "Nothing new." });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"Nothing changed since version {released.GetProperty("version").GetString()}: a release needs a change to announce.",
            problem.GetProperty("detail").GetString());
        Assert.Equal(releasesBefore, await service.WithDbAsync(db => db.Releases.CountAsync()));
        Assert.Equal(eventsBefore, await service.WithDbAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Reader("someone").GetAsync($"{Forum}/releases/preview")).StatusCode);
    }

    [Fact]
    public async Task Session_writes_name_the_etag_they_were_made_against_428_without_412_when_stale()
    {
        var organizer = service.Organizer();
        var room = await service.NewRoomAsync();
        var session = Session("Carefully edited session", "2025-12-03T19:00:00+08:00", "2025-12-03T19:30:00+08:00", room);
        var created = await organizer.PostAsJsonAsync($"{Forum}/sessions", session);
        var id = (await Read(created)).GetProperty("id").GetString();
        var first = created.Headers.ETag!;
        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, System.Net.Http.Headers.EntityTagHeaderValue? ifMatch)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            if (ifMatch is not null)
            {
                request.Headers.IfMatch.Add(ifMatch);
            }

            return await organizer.SendAsync(request);
        }

        var withoutETag = await SendAsync(HttpMethod.Put, $"{Forum}/sessions/{id}", session, null);
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutETag.StatusCode);
        Assert.Equal("application/problem+json", withoutETag.Content.Headers.ContentType?.MediaType);
        var edited = await SendAsync(HttpMethod.Put, $"{Forum}/sessions/{id}", session, first);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.NotEqual(first, edited.Headers.ETag);
        Assert.Equal(edited.Headers.ETag!.ToString(), (await Read(edited)).GetProperty("etag").GetString());

        // Another organizer's edit is not overwritten, cancelled or deleted by a write made against the older version.
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(HttpMethod.Put, $"{Forum}/sessions/{id}", session, first)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(HttpMethod.Post, $"{Forum}/sessions/{id}/cancel", null, first)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(HttpMethod.Delete, $"{Forum}/sessions/{id}", null, first)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await SendAsync(HttpMethod.Delete, $"{Forum}/sessions/{id}", null, null)).StatusCode);
        var current = await organizer.GetAsync($"{Forum}/working-copy/sessions/{id}");
        Assert.Equal(edited.Headers.ETag, current.Headers.ETag);
        Assert.Equal("confirmed", (await Read(current)).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"{Forum}/sessions/{id}", null, current.Headers.ETag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.GetAsync($"{Forum}/working-copy/sessions/{id}")).StatusCode);
    }

    [Fact]
    public async Task Version_must_come_after_the_last_one()
    {
        var response = await service.Organizer().PostAsJsonAsync($"{Forum}/releases", new { version = "0.9" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task Sessions_filter_by_day_track_and_type()
    {
        using var reader = service.Anonymous();
        var dayTwo = await reader.GetFromJsonAsync<JsonElement>($"{Forum}/sessions?day=2025-12-02&type=panel&version=1.0");
        Assert.Equal(3, dayTwo.GetArrayLength());
        var transport = await reader.GetFromJsonAsync<JsonElement>($"{Forum}/sessions?track=transport&version=1.0");
        Assert.All(transport.EnumerateArray(), s => Assert.Equal("transport", s.GetProperty("track").GetString()));
        Assert.Equal(2, transport.GetArrayLength());
        var days = await reader.GetFromJsonAsync<JsonElement>($"{Forum}/days?version=1.0");
        Assert.Equal(["2025-12-02", "2025-12-03"], days.EnumerateArray().Select(d => d.GetProperty("date").GetString()));
    }

    private static async Task<JsonElement> ReleaseAsync(HttpClient organizer, string comment) =>
        await Read(await organizer.PostAsJsonAsync($"{Forum}/releases", new { comment }));
}
