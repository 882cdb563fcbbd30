using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static ForumPlatform.Agenda.Tests.AgendaServiceFixture;

namespace ForumPlatform.Agenda.Tests;

/// <summary>
/// Input that JSON allows and the programme does not: nulls in lists, lists of enum names, characters XML cannot
/// carry, a room name twice, versions past counting. Each is a 400 naming the field, and nothing is stored.
/// Concurrent writes that depend on a check are checked one after the other.
/// </summary>
[Collection(AgendaCollection.Name)]
public sealed class InputRefusalTests(AgendaServiceFixture service)
{
    private const string Times = "\"start\":\"2025-12-02T10:00:00+08:00\",\"end\":\"2025-12-02T11:00:00+08:00\"";

    [Theory]
    [InlineData($$"""{"title":"Null speaker","type":"panel",{{Times}},"speakers":[null]}""", "speakers[0]")]
    [InlineData($$"""{"title":"Null link","type":"panel",{{Times}},"links":[null]}""", "links[0]")]
    [InlineData($$"""{"title":"Two types","type":"workshop,launch",{{Times}}}""", "type")]
    [InlineData($$"""{"title":"Two types","type":"panel, launch",{{Times}}}""", "type")]
    [InlineData($$"""{"title":"Two roles","type":"panel",{{Times}},"speakers":[{"speakerId":"00000000-0000-0000-0000-000000000001","role":"speaker,moderator"}]}""", "speakers[0].role")]
    [InlineData($$"""{"title":"Bell \u0007 title","type":"panel",{{Times}}}""", "title")]
    [InlineData($$"""{"title":"Odd abstract","type":"panel",{{Times}},"abstract":"\uFFFE"}""", "abstract")]
    [InlineData($$"""{"title":"Odd link","type":"panel",{{Times}},"links":[{"title":"Paper","url":"https://example.org/a\u0001b"}]}""", "links[0].url")]
    public async Task Session_input_outside_the_rules_is_400_naming_the_field(string json, string field)
    {
        var before = await service.WithDbAsync(db => db.Sessions.CountAsync());
        var response = await service.Organizer().PostAsync($"{Forum}/sessions", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertFieldErrorAsync(response, field);
        Assert.Equal(before, await service.WithDbAsync(db => db.Sessions.CountAsync()));
    }

    [Theory]
    [InlineData("5g")] // the frab XML schema wants a letter first
    [InlineData("e")] // both schemas want two characters at least
    [InlineData("energy-")]
    public async Task Track_slugs_the_schedule_schemas_would_refuse_are_400(string slug)
    {
        var response = await service.Organizer().PostAsJsonAsync($"{Forum}/tracks", new { slug, name = "Refused track", color = "#123456" });

        await AssertFieldErrorAsync(response, "slug");
        Assert.Equal(0, await service.WithDbAsync(db => db.Tracks.CountAsync(track => track.Slug == slug)));
    }

    [Fact]
    public async Task A_room_name_is_one_room_and_never_the_whole_forums()
    {
        var name = $"Hall {Guid.NewGuid():N}";
        await Read(await service.Organizer().PostAsJsonAsync($"{Forum}/rooms", new { name }));

        await AssertFieldErrorAsync(await service.Organizer().PostAsJsonAsync($"{Forum}/rooms", new { name = $" {name} " }), "name");
        await AssertFieldErrorAsync(await service.Organizer().PostAsJsonAsync($"{Forum}/rooms", new { name = "whole Forum" }), "name");
        Assert.Equal(1, await service.WithDbAsync(db => db.Rooms.CountAsync(room => room.Name == name)));
        Assert.Equal(0, await service.WithDbAsync(db => db.Rooms.CountAsync(room => room.Name.ToLower() == "whole forum")));
    }

    [Theory]
    [InlineData("""{"comment":"Bell \u0007 comment"}""", "comment")]
    [InlineData("""{"version":"2147483647.2147483647"}""", "version")]
    [InlineData("""{"version":"10000.0"}""", "version")]
    public async Task Release_input_outside_the_rules_is_400_and_releases_nothing(string json, string field)
    {
        var before = await service.WithDbAsync(db => db.Releases.CountAsync());
        var response = await service.Organizer().PostAsync($"{Forum}/releases", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertFieldErrorAsync(response, field);
        Assert.Equal(before, await service.WithDbAsync(db => db.Releases.CountAsync()));
    }

    [Fact]
    public async Task Concurrent_bookings_of_one_room_at_one_time_store_one_session()
    {
        var room = await service.NewRoomAsync();
        var organizer = service.Organizer();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => organizer.PostAsJsonAsync($"{Forum}/sessions",
            Session($"Rush booking {i}", "2025-12-02T08:00:00+08:00", "2025-12-02T08:30:00+08:00", room))));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(response => response.StatusCode != HttpStatusCode.Created),
            response => Assert.Equal(HttpStatusCode.Conflict, response.StatusCode));
        Assert.Equal(1, await service.WithDbAsync(db => db.Sessions.CountAsync(session => session.RoomId == Guid.Parse(room))));
    }

    [Fact]
    public async Task Concurrent_sessions_in_different_rooms_each_get_a_number_of_their_own()
    {
        var rooms = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            rooms.Add(await service.NewRoomAsync());
        }

        var organizer = service.Organizer();
        var responses = await Task.WhenAll(rooms.Select((room, i) => organizer.PostAsJsonAsync($"{Forum}/sessions",
            Session($"Parallel session {i}", "2025-12-02T08:00:00+08:00", "2025-12-02T08:30:00+08:00", room))));

        var numbers = new List<int>();
        foreach (var response in responses)
        {
            numbers.Add((await Read(response)).GetProperty("number").GetInt32());
        }

        Assert.Equal(6, numbers.Distinct().Count());
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}' in {body}");
    }
}
