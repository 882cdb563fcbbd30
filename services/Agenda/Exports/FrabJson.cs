using System.Globalization;
using System.Text.Json.Nodes;

namespace ForumPlatform.Agenda.Exports;

/// <summary>
/// <c>schedule.json</c> in the frab/c3voc format (validated against the published c3voc JSON schema in the tests).
/// Written as a JSON tree so the field names are exactly the format's, whatever our naming conventions.
/// </summary>
public static class FrabJson
{
    public const string SchemaUrl = "https://c3voc.de/schedule/schema.json";

    public static JsonObject Write(FrabSchedule schedule)
    {
        var conference = schedule.Conference;
        return new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["generator"] = new JsonObject { ["name"] = "ForumPlatform", ["version"] = "1.0" },
            ["schedule"] = new JsonObject
            {
                ["version"] = schedule.Version,
                ["base_url"] = $"{schedule.BaseUrl}/",
                ["conference"] = new JsonObject
                {
                    ["acronym"] = conference.Acronym,
                    ["title"] = conference.Title,
                    ["description"] = conference.Description,
                    ["start"] = Date(conference.Start),
                    ["end"] = Date(conference.End),
                    ["daysCount"] = conference.DaysCount,
                    ["timeslot_duration"] = conference.TimeslotDuration,
                    ["time_zone_name"] = conference.TimeZoneName,
                    ["url"] = conference.Url,
                    ["tracks"] = new JsonArray([.. conference.Tracks.Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["slug"] = t.Slug, ["color"] = t.Color })]),
                    ["rooms"] = new JsonArray([.. conference.Rooms.Select(r => (JsonNode)new JsonObject
                    {
                        ["name"] = r.Name,
                        ["guid"] = r.Guid.ToString(),
                        ["capacity"] = r.Capacity,
                    })]),
                    ["days"] = new JsonArray([.. schedule.Days.Select(Day)]),
                },
            },
        };
    }

    private static JsonNode Day(FrabDay day)
    {
        var rooms = new JsonObject();
        foreach (var room in day.Rooms)
        {
            rooms[room.Name] = new JsonArray([.. room.Events.Select(Event)]);
        }

        return new JsonObject
        {
            ["index"] = day.Index,
            ["date"] = Date(day.Date),
            ["day_start"] = DateTime(day.DayStart),
            ["day_end"] = DateTime(day.DayEnd),
            ["rooms"] = rooms,
        };
    }

    private static JsonNode Event(FrabEvent e) => new JsonObject
    {
        ["guid"] = e.Guid.ToString(),
        ["id"] = e.Id,
        ["date"] = DateTime(e.Date),
        ["start"] = e.Start,
        ["end"] = DateTime(e.End),
        ["duration"] = e.Duration,
        ["room"] = e.Room,
        ["slug"] = e.Slug,
        ["url"] = e.Url,
        ["title"] = e.Title,
        ["subtitle"] = e.Subtitle,
        ["track"] = e.Track,
        ["type"] = e.Type,
        ["language"] = e.Language,
        ["abstract"] = e.Abstract,
        ["description"] = null,
        ["persons"] = new JsonArray([.. e.Persons.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["guid"] = p.Id.ToString(), ["public_name"] = p.Name })]),
        ["links"] = new JsonArray([.. e.Links.Select(l => (JsonNode)new JsonObject { ["url"] = l.Url, ["title"] = l.Title })]),
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DateTime(DateTimeOffset moment) => moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
