using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static ForumPlatform.Agenda.Tests.AgendaServiceFixture;

namespace ForumPlatform.Agenda.Tests;

/// <summary>Tracks, rooms and speakers of the working copy are edited and removed there, never out from under a session.</summary>
[Collection(AgendaCollection.Name)]
public sealed class TracksRoomsSpeakersTests(AgendaServiceFixture service)
{
    private static async Task<JsonElement> ConflictAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_room_a_speaker_or_a_track_that_sessions_use_cannot_be_removed_and_the_refusal_names_them()
    {
        var organizer = service.Organizer();
        var room = await service.NewRoomAsync();
        var speaker = await service.NewSpeakerAsync("Busy Speaker");
        var track = (await Read(await organizer.PostAsJsonAsync($"{Forum}/tracks",
            new { slug = $"t{Guid.NewGuid():N}"[..12], name = "Test track", color = "#336699" }))).GetProperty("id").GetString();
        var session = await Read(await organizer.PostAsJsonAsync($"{Forum}/sessions", new
        {
            title = "Session that holds on", type = "panel", start = "2025-12-02T20:00:00+08:00", end = "2025-12-02T20:30:00+08:00",
            roomId = room, trackId = track, language = "en", speakers = new[] { new { speakerId = speaker, role = "speaker" } },
        }));

        foreach (var path in new[] { $"rooms/{room}", $"speakers/{speaker}", $"tracks/{track}" })
        {
            var refusal = await ConflictAsync(await organizer.DeleteAsync($"{Forum}/{path}"));
            Assert.Contains("“Session that holds on”", refusal.GetProperty("detail").GetString());
            Assert.Equal(session.GetProperty("id").GetString(), Assert.Single(refusal.GetProperty("sessions").EnumerateArray()).GetProperty("id").GetString());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await ForumPlatform.Testing.SessionWrites.DeleteAsync(organizer, Forum, session.GetProperty("id").GetString()!)).StatusCode);
        foreach (var path in new[] { $"rooms/{room}", $"speakers/{speaker}", $"tracks/{track}" })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await organizer.DeleteAsync($"{Forum}/{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await organizer.DeleteAsync($"{Forum}/{path}")).StatusCode);
        }
    }

    [Fact]
    public async Task Edits_are_checked_like_additions_and_a_tracks_slug_stays()
    {
        var organizer = service.Organizer();
        var room = await service.NewRoomAsync();
        var other = await service.NewRoomAsync();
        var otherName = (await Read(await organizer.PutAsJsonAsync($"{Forum}/rooms/{other}", new { name = $"Taken {Guid.NewGuid():N}"[..14] })))
            .GetProperty("name").GetString();

        var taken = await organizer.PutAsJsonAsync($"{Forum}/rooms/{room}", new { name = otherName, capacity = 10 });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.True((await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));
        var negative = await organizer.PutAsJsonAsync($"{Forum}/rooms/{room}", new { name = "Fine name", capacity = -1 });
        Assert.True((await negative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("capacity", out _));

        var slug = $"t{Guid.NewGuid():N}"[..12];
        var track = (await Read(await organizer.PostAsJsonAsync($"{Forum}/tracks", new { slug, name = "Before", color = "#336699" }))).GetProperty("id").GetString();
        var moved = await organizer.PutAsJsonAsync($"{Forum}/tracks/{track}", new { slug = slug + "x", name = "After", color = "#336699" });
        Assert.True((await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("slug", out _));
        var renamed = await Read(await organizer.PutAsJsonAsync($"{Forum}/tracks/{track}", new { slug, name = "After", color = "#AA0000" }));
        Assert.Equal(("After", "#aa0000"), (renamed.GetProperty("name").GetString(), renamed.GetProperty("color").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.PutAsJsonAsync($"{Forum}/speakers/{Guid.NewGuid()}", new { name = "Nobody" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.ClientFor("editor").DeleteAsync($"{Forum}/rooms/{room}")).StatusCode);
    }

    [Fact]
    public async Task The_working_copys_parts_list_rooms_not_yet_released_for_organizers_only()
    {
        var organizer = service.Organizer();
        var room = await service.NewRoomAsync();
        var speaker = await service.NewSpeakerAsync("Unreleased Speaker");

        var parts = await organizer.GetFromJsonAsync<JsonElement>($"{Forum}/working-copy/parts");
        Assert.Contains(parts.GetProperty("rooms").EnumerateArray(), r => r.GetProperty("id").GetString() == room);
        Assert.Contains(parts.GetProperty("speakers").EnumerateArray(), s => s.GetProperty("id").GetString() == speaker);
        Assert.True(parts.GetProperty("tracks").GetArrayLength() > 0); // the demo forum's tracks
        var released = await organizer.GetFromJsonAsync<JsonElement>($"{Forum}/rooms");
        Assert.DoesNotContain(released.EnumerateArray(), r => r.GetProperty("id").GetString() == room);

        Assert.Equal(HttpStatusCode.Forbidden, (await service.ClientFor("editor").GetAsync($"{Forum}/working-copy/parts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Anonymous().GetAsync($"{Forum}/working-copy/parts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.GetAsync("/api/agenda/forums/no-such-forum/working-copy/parts")).StatusCode);
    }
}
