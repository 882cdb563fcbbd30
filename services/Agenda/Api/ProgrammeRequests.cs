using System.ComponentModel;
using System.Text.RegularExpressions;
using ForumPlatform.Agenda.Data;
using ForumPlatform.Agenda.Exports;
using ForumPlatform.ServiceDefaults;

namespace ForumPlatform.Agenda.Api;

public sealed record TrackRequest(string? Slug, string? Name, [property: Description("#rrggbb")] string? Color);

public sealed record RoomRequest(string? Name, int Capacity = 0, int Position = 0);

public sealed record SpeakerRequest(
    string? Name,
    [property: Description("Honorific or role.")] string? Role = null,
    string? Organization = null,
    [property: Description("ISO 3166-1 alpha-2.")] string? Country = null,
    string? Bio = null,
    [property: Description("Absolute http(s) URL.")] string? PhotoUrl = null);

public sealed record SessionSpeakerRequest(Guid SpeakerId, [property: Description("chair, speaker or moderator.")] string? Role = "speaker");

public sealed record LinkRequest(string? Title, string? Url);

public sealed record SessionRequest(
    string? Title,
    [property: Description("plenary, panel, keynote, workshop, launch or break.")] string? Type,
    [property: Description("ISO 8601 with offset.")] DateTimeOffset? Start,
    [property: Description("ISO 8601 with offset.")] DateTimeOffset? End,
    string? Subtitle = null,
    string? Abstract = null,
    Guid? TrackId = null,
    [property: Description("Leave out for a break that holds for the whole forum.")] Guid? RoomId = null,
    [property: Description("en, zh or ru.")] string? Language = "en",
    IReadOnlyList<SessionSpeakerRequest>? Speakers = null,
    IReadOnlyList<LinkRequest>? Links = null);

public sealed record ReleaseRequest(
    [property: Description("major.minor; the next minor version when left out.")] string? Version = null,
    string? Comment = null);

/// <summary>Field checks of organizers' requests, all errors at once, keyed by JSON field.</summary>
public static partial class ProgrammeValidation
{
    /// <summary>
    /// What both schedule schemas take as a track slug: a letter first (frab XML), at least two characters, and a
    /// letter or digit last (c3voc JSON), with single hyphens between.
    /// </summary>
    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex TrackSlugPattern();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();

    private static readonly HashSet<string> Languages = ["en", "zh", "ru"];

    public static Dictionary<string, string[]> Check(TrackRequest request)
    {
        var errors = new Errors();
        if (request.Slug is not { Length: >= 2 and <= 100 } || !TrackSlugPattern().IsMatch(request.Slug))
        {
            errors.Add("slug", "A track slug is 2 to 100 lower-case letters, digits and single hyphens, starting with a letter.");
        }

        errors.Text("name", request.Name, 1, 200);
        if (request.Color is null || !ColorPattern().IsMatch(request.Color))
        {
            errors.Add("color", "A colour is #rrggbb.");
        }

        return errors.All;
    }

    public static Dictionary<string, string[]> Check(RoomRequest request)
    {
        var errors = new Errors();
        errors.Text("name", request.Name, 1, 200);
        if (string.Equals(request.Name?.Trim(), FrabSchedule.WholeForumRoom, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("name", $"'{FrabSchedule.WholeForumRoom}' is what the exports call breaks for the whole forum; give the room another name.");
        }

        if (request.Capacity < 0)
        {
            errors.Add("capacity", "A capacity cannot be negative.");
        }

        return errors.All;
    }

    public static Dictionary<string, string[]> Check(SpeakerRequest request)
    {
        var errors = new Errors();
        errors.Text("name", request.Name, 1, 200);
        if (request.Country is not null && (request.Country.Length != 2 || !request.Country.All(char.IsAsciiLetterUpper)))
        {
            errors.Add("country", "A country is an ISO 3166-1 alpha-2 code in capitals, e.g. CN.");
        }

        errors.Storable("role", request.Role);
        errors.Storable("organization", request.Organization);
        errors.Storable("bio", request.Bio);
        errors.Url("photoUrl", request.PhotoUrl, required: false);
        return errors.All;
    }

    public static Dictionary<string, string[]> Check(ReleaseRequest request)
    {
        var errors = new Errors();
        if (request.Comment?.Trim().Length > 2000)
        {
            errors.Add("comment", "A release comment has at most 2000 characters.");
        }

        errors.Storable("comment", request.Comment);
        return errors.All;
    }

    public static (Session? Session, Dictionary<string, string[]> Errors) Check(SessionRequest request, Guid id, Guid forumId)
    {
        var errors = new Errors();
        errors.Text("title", request.Title, 3, 300);
        errors.Storable("subtitle", request.Subtitle);
        errors.Storable("abstract", request.Abstract);
        if (!EnumNames.TryParse<SessionType>(request.Type, out var type))
        {
            errors.Add("type", "A session type is plenary, panel, keynote, workshop, launch or break.");
        }

        if (request.Start is null)
        {
            errors.Add("start", "A start time is required.");
        }

        if (request.End is null)
        {
            errors.Add("end", "An end time is required.");
        }

        if (request.Language is null || !Languages.Contains(request.Language))
        {
            errors.Add("language", "A language is en, zh or ru.");
        }

        var speakers = new List<SessionSpeaker>();
        var requested = request.Speakers ?? [];
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
        var requestedLinks = request.Links ?? [];
        for (var i = 0; i < requestedLinks.Count; i++)
        {
            if (requestedLinks[i] is null)
            {
                errors.Add($"links[{i}]", "A link is required here, not null.");
                continue;
            }

            errors.Text($"links[{i}].title", requestedLinks[i].Title, 1, 200);
            if (errors.Url($"links[{i}].url", requestedLinks[i].Url, required: true))
            {
                links.Add(new SessionLink(requestedLinks[i].Title?.Trim() ?? "", requestedLinks[i].Url!.Trim()));
            }
        }

        if (errors.All.Count > 0)
        {
            return (null, errors.All);
        }

        return (new Session
        {
            Id = id,
            ForumId = forumId,
            Title = request.Title!.Trim(),
            Subtitle = string.IsNullOrWhiteSpace(request.Subtitle) ? null : request.Subtitle.Trim(),
            Abstract = request.Abstract?.Trim() ?? "",
            Type = type,
            TrackId = request.TrackId,
            RoomId = request.RoomId,
            Start = request.Start!.Value.ToUniversalTime(),
            End = request.End!.Value.ToUniversalTime(),
            Language = request.Language!,
            Speakers = speakers,
            Links = links,
        }, errors.All);
    }

    private sealed class Errors
    {
        public Dictionary<string, string[]> All { get; } = [];

        public void Add(string field, string message) =>
            All[field] = All.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

        public void Text(string field, string? value, int min, int max)
        {
            var length = value?.Trim().Length ?? 0;
            if (length < min || length > max)
            {
                Add(field, min <= 1 ? $"Required, at most {max} characters." : $"{min} to {max} characters.");
            }

            Storable(field, value);
        }

        public void Storable(string field, string? value)
        {
            if (!StoredText.IsStorable(value))
            {
                Add(field, StoredText.Refusal);
            }
        }

        public bool Url(string field, string? value, bool required)
        {
            if (value is null)
            {
                if (required)
                {
                    Add(field, "A URL is required.");
                }

                return !required;
            }

            var ok = StoredText.IsStorable(value)
                && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
            if (!ok)
            {
                Add(field, "Must be an absolute http or https URL.");
            }

            return ok;
        }
    }
}
