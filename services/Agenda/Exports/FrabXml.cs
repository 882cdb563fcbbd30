using System.Globalization;
using System.Xml.Linq;

namespace ForumPlatform.Agenda.Exports;

/// <summary><c>schedule.xml</c> in the frab format (validated against the c3voc XSD in the tests).</summary>
public static class FrabXml
{
    public static XDocument Write(FrabSchedule schedule)
    {
        var conference = schedule.Conference;
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("schedule",
                new XElement("generator", new XAttribute("name", "ForumPlatform"), new XAttribute("version", "1.0")),
                new XElement("url", $"{conference.Url}/schedule.xml"),
                new XElement("version", schedule.Version),
                new XElement("conference",
                    new XElement("acronym", conference.Acronym),
                    new XElement("title", conference.Title),
                    new XElement("start", Date(conference.Start)),
                    new XElement("end", Date(conference.End)),
                    new XElement("days", conference.DaysCount),
                    new XElement("timeslot_duration", conference.TimeslotDuration),
                    new XElement("base_url", $"{schedule.BaseUrl}/"),
                    new XElement("url", conference.Url),
                    new XElement("time_zone_name", conference.TimeZoneName),
                    conference.Tracks.Select(t => new XElement("track", new XAttribute("name", t.Name), new XAttribute("color", t.Color), new XAttribute("slug", t.Slug), t.Name))),
                schedule.Days.Select(day => new XElement("day",
                    new XAttribute("index", day.Index),
                    new XAttribute("date", Date(day.Date)),
                    new XAttribute("start", DateTime(day.DayStart)),
                    new XAttribute("end", DateTime(day.DayEnd)),
                    day.Rooms.Select(room => new XElement("room",
                        new XAttribute("name", room.Name),
                        new XAttribute("guid", room.Guid),
                        room.Events.Select(Event)))))));
    }

    private static XElement Event(FrabEvent e) => new("event",
        new XAttribute("guid", e.Guid),
        new XAttribute("id", e.Id),
        new XElement("room", e.Room),
        new XElement("title", e.Title),
        e.Subtitle is null ? null : new XElement("subtitle", e.Subtitle),
        new XElement("type", e.Type),
        new XElement("date", DateTime(e.Date)),
        new XElement("start", e.Start),
        new XElement("duration", e.Duration),
        new XElement("abstract", e.Abstract),
        new XElement("slug", e.Slug),
        new XElement("track", e.Track ?? ""),
        new XElement("persons", e.Persons.Select(p => new XElement("person", new XAttribute("guid", p.Id), p.Name))),
        new XElement("language", e.Language),
        new XElement("links", e.Links.Select(l => new XElement("link", new XAttribute("href", l.Url), l.Title))),
        new XElement("url", e.Url));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DateTime(DateTimeOffset moment) => moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
