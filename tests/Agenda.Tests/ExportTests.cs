using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using ForumPlatform.Testing;
using Ical.Net;
using Json.Schema;
using Microsoft.EntityFrameworkCore;
using static ForumPlatform.Agenda.Tests.AgendaServiceFixture;

namespace ForumPlatform.Agenda.Tests;

/// <summary>Every export is checked by a real validator or parser: the c3voc JSON schema and XSD, and Ical.Net.</summary>
[Collection(AgendaCollection.Name)]
public sealed class ExportTests(AgendaServiceFixture service)
{
    /// <summary>The copies in Schemas/ (see its README), copied beside the test binaries.</summary>
    private static readonly string Schemas = Path.Combine(AppContext.BaseDirectory, "Schemas");

    [Fact]
    public async Task Schedule_json_validates_against_the_c3voc_schema_unchanged()
    {
        var json = await service.Anonymous().GetStringAsync($"{Forum}/schedule.json?version=1.0");

        var schema = JsonSchema.FromText(await File.ReadAllTextAsync(Path.Combine(Schemas, "c3voc-schedule.schema.json")));
        var formats = new FormatRegistry();
        formats.Register(new RegexFormat("color", "^#[0-9a-fA-F]{6}$"));
        var result = schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
            FormatRegistry = formats,
        });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))));
        var document = JsonDocument.Parse(json).RootElement;
        Assert.Equal("https://c3voc.de/schedule/schema.json", document.GetProperty("$schema").GetString());
        Assert.Equal("ForumPlatform", document.GetProperty("generator").GetProperty("name").GetString());
        Assert.Equal("Asia/Shanghai", document.GetProperty("schedule").GetProperty("conference").GetProperty("time_zone_name").GetString());
    }

    [Fact]
    public async Task Schedule_xml_validates_against_the_c3voc_xsd()
    {
        var xml = await service.Anonymous().GetStringAsync($"{Forum}/schedule.xml?version=1.0");

        Assert.Empty(ScheduleSchemas.XsdProblems(xml));
        var events = XDocument.Parse(xml).Descendants("event").ToList();
        Assert.Contains(events, e => e.Element("title")!.Value == "Launch of the Central Asia fiscal cooperation research center");
        Assert.Equal("2025-12-02T09:00:00+08:00", events.First(e => e.Element("title")!.Value.StartsWith("Opening")).Element("date")!.Value);
    }

    [Fact]
    public async Task A_renamed_room_and_speaker_reach_the_next_releases_exports_valid_with_a_higher_sequence()
    {
        var organizer = service.Organizer();
        var room = await service.NewRoomAsync();
        var speaker = await service.NewSpeakerAsync("Renamed Speaker");
        var created = await Read(await organizer.PostAsJsonAsync($"{Forum}/sessions",
            Session("Session in a renamed room", "2025-12-02T20:00:00+08:00", "2025-12-02T20:30:00+08:00", room, "panel", speaker)));
        var id = created.GetProperty("id").GetString();
        await Read(await organizer.PostAsJsonAsync($"{Forum}/releases", new { comment = "rename test: new" }));
        var roomName = $"Hall {Guid.NewGuid():N}"[..13];

        await Read(await organizer.PutAsJsonAsync($"{Forum}/rooms/{room}", new { name = roomName, capacity = 80 }));
        await Read(await organizer.PutAsJsonAsync($"{Forum}/speakers/{speaker}", new { name = "Aigerim Renamed", role = "Minister", country = "KZ" }));
        Assert.NotEqual(roomName, (await service.Anonymous().GetFromJsonAsync<JsonElement>($"{Forum}/sessions/{id}")).GetProperty("room").GetString());
        var preview = await Read(await organizer.GetAsync($"{Forum}/releases/preview"));
        Assert.True(preview.GetProperty("changesAnything").GetBoolean());
        await Read(await organizer.PostAsJsonAsync($"{Forum}/releases", new { comment = "rename test: renamed" }));

        var session = await service.Anonymous().GetFromJsonAsync<JsonElement>($"{Forum}/sessions/{id}");
        Assert.Equal(roomName, session.GetProperty("room").GetString());
        Assert.Equal("Aigerim Renamed", session.GetProperty("speakers")[0].GetProperty("name").GetString());
        Assert.Equal(1, Assert.Single(Calendar.Load(await service.Anonymous().GetStringAsync($"{Forum}/sessions/{id}/session.ics"))!.Events).Sequence);
        var xml = await service.Anonymous().GetStringAsync($"{Forum}/schedule.xml");
        Assert.Empty(ScheduleSchemas.XsdProblems(xml));
        Assert.Contains(XDocument.Parse(xml).Descendants("event"), e => e.Element("room")?.Value == roomName);
    }

    [Fact]
    public async Task Forum_calendar_parses_back_with_stable_uids_and_utc_times()
    {
        using var reader = service.Anonymous();
        var text = await reader.GetStringAsync($"{Forum}/schedule.ics?version=1.0");
        var calendar = Calendar.Load(text)!;

        var opening = Assert.Single(calendar.Events, e => e.Summary!.StartsWith("Opening plenary"));
        Assert.EndsWith("@forumplatform", opening.Uid);
        Assert.Equal(new DateTime(2025, 12, 2, 1, 0, 0, DateTimeKind.Utc), opening.Start!.AsUtc);
        Assert.Contains("Lan Fo'an", opening.Description);
        Assert.Equal(8, calendar.Events.Count);
        Assert.Equal(text, await reader.GetStringAsync($"{Forum}/schedule.ics?version=1.0"));
    }

    [Fact]
    public async Task Track_speaker_and_session_calendars_hold_only_their_sessions()
    {
        using var reader = service.Anonymous();
        var transport = Calendar.Load(await reader.GetStringAsync($"{Forum}/tracks/transport/schedule.ics?version=1.0"))!;
        Assert.Equal(2, transport.Events.Count);

        var schedule = await reader.GetFromJsonAsync<JsonElement>($"{Forum}/schedule?version=1.0");
        var lan = schedule.GetProperty("speakers").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Lan Fo'an").GetProperty("id").GetString();
        var lansSessions = Calendar.Load(await reader.GetStringAsync($"{Forum}/speakers/{lan}/schedule.ics?version=1.0"))!;
        Assert.Equal(2, lansSessions.Events.Count);

        var sessionId = schedule.GetProperty("sessions")[0].GetProperty("id").GetString();
        var single = Calendar.Load(await reader.GetStringAsync($"{Forum}/sessions/{sessionId}/session.ics?version=1.0"))!;
        Assert.Equal($"{sessionId}@forumplatform", Assert.Single(single.Events).Uid);
    }

    [Fact]
    public async Task Moved_session_gets_a_higher_sequence_and_a_cancelled_one_status_cancelled()
    {
        var organizer = service.Organizer();
        var room = await service.NewRoomAsync();
        var created = await Read(await organizer.PostAsJsonAsync($"{Forum}/sessions",
            Session("Calendar test session", "2025-12-03T20:00:00+08:00", "2025-12-03T20:30:00+08:00", room)));
        var id = created.GetProperty("id").GetString();
        await Read(await organizer.PostAsJsonAsync($"{Forum}/releases", new { comment = "calendar test: new" }));

        await Read(await SessionWrites.EditAsync(organizer, Forum, id!,
            Session("Calendar test session", "2025-12-03T20:15:00+08:00", "2025-12-03T20:45:00+08:00", room)));
        await Read(await organizer.PostAsJsonAsync($"{Forum}/releases", new { comment = "calendar test: moved" }));
        var moved = Assert.Single(Calendar.Load(await service.Anonymous().GetStringAsync($"{Forum}/sessions/{id}/session.ics"))!.Events);
        Assert.Equal(1, moved.Sequence);
        Assert.Equal(EventStatus.Confirmed, moved.Status);

        await Read(await SessionWrites.CancelAsync(organizer, Forum, id!));
        await Read(await organizer.PostAsJsonAsync($"{Forum}/releases", new { comment = "calendar test: cancelled" }));
        var cancelled = Assert.Single(Calendar.Load(await service.Anonymous().GetStringAsync($"{Forum}/sessions/{id}/session.ics"))!.Events);
        Assert.Equal(EventStatus.Cancelled, cancelled.Status);
        Assert.Equal(2, cancelled.Sequence);

        var json = await service.Anonymous().GetStringAsync($"{Forum}/schedule.json");
        Assert.DoesNotContain(id!, json);
    }

    [Theory]
    [InlineData("schedule.json")]
    [InlineData("schedule.xml")]
    [InlineData("schedule.ics")]
    public async Task Exports_answer_304_to_their_etag(string export)
    {
        using var reader = service.Anonymous();
        var first = await reader.GetAsync($"{Forum}/{export}?version=1.0");
        first.EnsureSuccessStatusCode();
        using var again = new HttpRequestMessage(HttpMethod.Get, $"{Forum}/{export}?version=1.0");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await reader.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task Releases_feed_announces_version_1_0()
    {
        var feed = SyndicationFeed.Load(XmlReader.Create(await service.Anonymous().GetStreamAsync($"{Forum}/releases.atom")));
        Assert.Contains(feed.Items, item => item.Title.Text == "Schedule 1.0");
        // Atom: an author on the feed, since entries name none, and an id that does not depend on the address used.
        Assert.Equal("Tianshan Forum for Central Asia Economic Cooperation 2025", Assert.Single(feed.Authors).Name);
        var forumId = await service.WithDbAsync(db => db.Forums.Where(forum => forum.Slug == "tianshan-forum-2025").Select(forum => forum.Id).SingleAsync());
        Assert.Equal($"urn:uuid:{forumId}", feed.Id);
    }
}
