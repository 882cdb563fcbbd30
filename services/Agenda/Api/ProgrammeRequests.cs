using System.ComponentModel;
using System.Text.RegularExpressions;
using ForumPlatform.Agenda.Data;
using ForumPlatform.Agenda.Exports;
using ForumPlatform.ServiceDefaults;

namespace ForumPlatform.Agenda.Api;

// Each request checks itself into FieldErrors, every error at once, keyed by JSON field. A JSON body can leave out or
// null any field whatever its declared type, so the checks never trust a required field to be there.

public sealed partial record TrackRequest(string Slug, string Name, [property: Description("#rrggbb")] string Color)
{
    /// <summary>
    /// What both schedule schemas take as a track slug: a letter first (frab XML), at least two characters, and a
    /// letter or digit last (c3voc JSON), with single hyphens between.
    /// </summary>
    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();

    public void Validate(FieldErrors errors)
    {
        if (Slug is not { Length: >= 2 and <= 100 } || !SlugPattern().IsMatch(Slug))
        {
            errors.Add("slug", "A track slug is 2 to 100 lower-case letters, digits and single hyphens, starting with a letter.");
        }

        errors.Text("name", Name, 1, 200);
        if (Color is null || !ColorPattern().IsMatch(Color))
        {
            errors.Add("color", "A colour is #rrggbb.");
        }
    }
}

public sealed record RoomRequest(string Name, int Capacity = 0, int Position = 0)
{
    public void Validate(FieldErrors errors)
    {
        errors.Text("name", Name, 1, 200);
        if (string.Equals(Name?.Trim(), FrabSchedule.WholeForumRoom, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("name", $"'{FrabSchedule.WholeForumRoom}' is what the exports call breaks for the whole forum; give the room another name.");
        }

        if (Capacity < 0)
        {
            errors.Add("capacity", "A capacity cannot be negative.");
        }
    }
}

public sealed record SpeakerRequest(
    string Name,
    [property: Description("Honorific or role.")] string? Role = null,
    string? Organization = null,
    [property: Description("ISO 3166-1 alpha-2.")] string? Country = null,
    string? Bio = null,
    [property: Description("Absolute http(s) URL.")] string? PhotoUrl = null)
{
    public void Validate(FieldErrors errors)
    {
        errors.Text("name", Name, 1, 200);
        if (Country is not null && (Country.Length != 2 || !Country.All(char.IsAsciiLetterUpper)))
        {
            errors.Add("country", "A country is an ISO 3166-1 alpha-2 code in capitals, e.g. CN.");
        }

        errors.Storable("role", Role);
        errors.Storable("organization", Organization);
        errors.Storable("bio", Bio);
        errors.Url("photoUrl", PhotoUrl);
    }
}

public sealed record SessionSpeakerRequest(Guid SpeakerId, [property: Description("chair, speaker or moderator.")] string? Role = "speaker");

public sealed record LinkRequest(string Title, string Url);

public sealed record SessionRequest(
    string Title,
    [property: Description("plenary, panel, keynote, workshop, launch or break.")] string Type,
    [property: Description("ISO 8601 with offset.")] DateTimeOffset? Start,
    [property: Description("ISO 8601 with offset.")] DateTimeOffset? End,
    string? Subtitle = null,
    string? Abstract = null,
    Guid? TrackId = null,
    [property: Description("Leave out for a break that holds for the whole forum.")] Guid? RoomId = null,
    [property: Description("en, zh or ru.")] string Language = "en",
    IReadOnlyList<SessionSpeakerRequest>? Speakers = null,
    IReadOnlyList<LinkRequest>? Links = null)
{
    /// <summary>A HashSet answers false for a null, the language a JSON body can still send.</summary>
    private static readonly HashSet<string> Languages = ["en", "zh", "ru"];

    /// <summary>
    /// Checks the request's own fields into <paramref name="errors"/> and answers the session it describes, or null
    /// when anything is wrong. Clashes with the rest of the schedule are <see cref="Schedule.ScheduleRules"/>' part.
    /// </summary>
    public Session? Validate(FieldErrors errors, Guid id, Guid forumId)
    {
        errors.Text("title", Title, 3, 300);
        errors.Storable("subtitle", Subtitle);
        errors.Storable("abstract", Abstract);
        if (!EnumNames.TryParse<SessionType>(Type, out var type))
        {
            errors.Add("type", "A session type is plenary, panel, keynote, workshop, launch or break.");
        }

        if (Start is null)
        {
            errors.Add("start", "A start time is required.");
        }

        if (End is null)
        {
            errors.Add("end", "An end time is required.");
        }

        if (!Languages.Contains(Language))
        {
            errors.Add("language", "A language is en, zh or ru.");
        }

        var speakers = new List<SessionSpeaker>();
        var requested = Speakers ?? [];
        for (var i = 0; i < requested.Count; i++)
        {
            if (requested[i] is null)
            {
                errors.Add($"speakers[{i}]", "A speaker entry is required here, not null.");
            }
            else if (!EnumNames.TryParse<SessionRole>(requested[i].Role ?? "speaker", out var role))
            {
                errors.Add($"speakers[{i}].role", "A role in a session is chair, speaker or moderator.");
            }
            else if (speakers.Any(s => s.SpeakerId == requested[i].SpeakerId))
            {
                errors.Add($"speakers[{i}].speakerId", "The speaker is listed twice.");
            }
            else
            {
                speakers.Add(new SessionSpeaker(requested[i].SpeakerId, role));
            }
        }

        var links = new List<SessionLink>();
        var requestedLinks = Links ?? [];
        for (var i = 0; i < requestedLinks.Count; i++)
        {
            if (requestedLinks[i] is not { } link)
            {
                errors.Add($"links[{i}]", "A link is required here, not null.");
                continue;
            }

            if (errors.Text($"links[{i}].title", link.Title, 1, 200) & errors.Url($"links[{i}].url", link.Url, required: true))
            {
                links.Add(new SessionLink(link.Title.Trim(), link.Url.Trim()));
            }
        }

        if (errors.Any || Start is not { } start || End is not { } end)
        {
            return null;
        }

        return new Session
        {
            Id = id,
            ForumId = forumId,
            Title = Title.Trim(),
            Subtitle = string.IsNullOrWhiteSpace(Subtitle) ? null : Subtitle.Trim(),
            Abstract = Abstract?.Trim() ?? "",
            Type = type,
            TrackId = TrackId,
            RoomId = RoomId,
            Start = start.ToUniversalTime(),
            End = end.ToUniversalTime(),
            Language = Language,
            Speakers = speakers,
            Links = links,
        };
    }
}

public sealed record ReleaseRequest(
    [property: Description("major.minor; the next minor version when left out.")] string? Version = null,
    string? Comment = null)
{
    public void Validate(FieldErrors errors)
    {
        if (Comment?.Trim().Length > 2000)
        {
            errors.Add("comment", "A release comment has at most 2000 characters.");
        }

        errors.Storable("comment", Comment);
    }
}
