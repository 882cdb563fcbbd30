using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static ForumPlatform.Agenda.Tests.AgendaServiceFixture;

namespace ForumPlatform.Agenda.Tests;

/// <summary>Every clash is refused with a problem that says what clashes with what, and nothing is stored.</summary>
[Collection(AgendaCollection.Name)]
public sealed class ScheduleRulesTests(AgendaServiceFixture service)
{
    [Fact]
    public async Task Room_booked_twice_at_overlapping_times_is_409_naming_the_other_session()
    {
        var room = await service.NewRoomAsync();
        await Read(await service.Organizer().PostAsJsonAsync($"{Forum}/sessions",
            Session("Customs modernisation", "2025-12-03T16:00:00+08:00", "2025-12-03T17:00:00+08:00", room)));

        var clash = await service.Organizer().PostAsJsonAsync($"{Forum}/sessions",
            Session("Border logistics", "2025-12-03T16:30:00+08:00", "2025-12-03T17:30:00+08:00", room));

        var problem = await AssertProblemAsync(clash, HttpStatusCode.Conflict, "roomId");
        Assert.Contains("Customs modernisation", problem.GetProperty("detail").GetString());
        Assert.Contains("2025-12-03 16:00", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Speaker_in_two_overlapping_sessions_is_409()
    {
        var speaker = await service.NewSpeakerAsync("Sample Minister");
        await Read(await service.Organizer().PostAsJsonAsync($"{Forum}/sessions",
            Session("Energy ministers' roundtable", "2025-12-03T17:00:00+08:00", "2025-12-03T18:00:00+08:00", await service.NewRoomAsync(), "panel", speaker)));

        var clash = await service.Organizer().PostAsJsonAsync($"{Forum}/sessions",
            Session("Grid interconnection", "2025-12-03T17:45:00+08:00", "2025-12-03T18:30:00+08:00", await service.NewRoomAsync(), "panel", speaker));

        var problem = await AssertProblemAsync(clash, HttpStatusCode.Conflict, "speakers[0].speakerId");
        Assert.Contains("Sample Minister speaks in 'Energy ministers' roundtable'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Nothing_may_overlap_a_break_for_the_whole_forum()
    {
        await Read(await service.Organizer().PostAsJsonAsync($"{Forum}/sessions",
            Session("Evening break", "2025-12-03T21:00:00+08:00", "2025-12-03T21:30:00+08:00", null, "break")));

        var clash = await service.Organizer().PostAsJsonAsync($"{Forum}/sessions",
            Session("Late workshop", "2025-12-03T21:15:00+08:00", "2025-12-03T22:00:00+08:00", await service.NewRoomAsync(), "workshop"));

        var problem = await AssertProblemAsync(clash, HttpStatusCode.Conflict, "start");
        Assert.Contains("'Evening break' is a break for the whole forum", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("2025-12-01T10:00:00+08:00", "2025-12-01T11:00:00+08:00", "start")]
    [InlineData("2025-12-03T23:30:00+08:00", "2025-12-04T00:30:00+08:00", "end")]
    [InlineData("2025-12-02T15:00:00+08:00", "2025-12-02T14:00:00+08:00", "end")]
    public async Task Session_outside_the_forums_days_or_ending_before_it_starts_is_422(string start, string end, string field)
    {
        var response = await service.Organizer().PostAsJsonAsync($"{Forum}/sessions", Session("Misplaced", start, end, await service.NewRoomAsync()));
        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, field);
    }

    [Fact]
    public async Task Room_that_is_not_the_forums_is_422()
    {
        var response = await service.Organizer().PostAsJsonAsync($"{Forum}/sessions",
            Session("Nowhere", "2025-12-02T16:00:00+08:00", "2025-12-02T17:00:00+08:00", Guid.NewGuid().ToString()));
        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "roomId");
    }

    [Fact]
    public async Task Bad_fields_are_400_naming_them()
    {
        var response = await service.Organizer().PostAsJsonAsync($"{Forum}/sessions", new { title = "x", type = "party", start = "2025-12-02T10:00:00+08:00" });
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "title");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("type", out _));
        Assert.True(errors.TryGetProperty("end", out _));
    }

    [Fact]
    public async Task Only_organizers_write_the_programme()
    {
        var body = Session("Unauthorised", "2025-12-02T16:00:00+08:00", "2025-12-02T17:00:00+08:00", null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Anonymous().PostAsJsonAsync($"{Forum}/sessions", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.ClientFor("editor").PostAsJsonAsync($"{Forum}/sessions", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.ClientFor("editor").PostAsJsonAsync($"{Forum}/releases", new { })).StatusCode);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}' in {body}");
        return problem;
    }
}
