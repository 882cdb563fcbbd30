using System.ComponentModel;

namespace ForumPlatform.Articles.Api;

/// <summary>An article's content as an editor sends it, to create a draft or replace the content of one.</summary>
public sealed record ArticleRequest(
    [property: Description("3 to 300 characters.")] string? Title,
    [property: Description("One of en, zh, ru.")] string? Language,
    [property: Description("Up to 1,000 characters.")] string? Summary = null,
    [property: Description("Markdown, up to 200,000 characters; rendered to sanitized HTML.")] string? Body = null,
    [property: Description("Lower-case letters, digits and single hyphens; generated from the title when left out.")] string? Slug = null,
    [property: Description("Free tags, stored lower-case; at most 20.")] IReadOnlyList<string>? Tags = null,
    [property: Description("Any of transport, energy, digital, trade, finance, investment, connectivity.")] IReadOnlyList<string>? Themes = null,
    [property: Description("In byline order.")] IReadOnlyList<string>? Authors = null,
    IReadOnlyList<SourceRequest>? Sources = null,
    [property: Description("The forum the article belongs to, e.g. tianshan-forum-2025.")] string? ForumSlug = null,
    [property: Description("Absolute http(s) URL.")] string? CoverImageUrl = null,
    [property: Description("Required with a cover image.")] string? CoverImageAlt = null,
    [property: Description("Id of an article this one translates; both then list each other as translations.")] Guid? TranslationOf = null);

public sealed record SourceRequest(string? Title, string? Url);

public sealed record ScheduleRequest([property: Description("A future time, ISO 8601 with offset.")] DateTimeOffset? PublishAt);

public sealed record RetractRequest(
    [property: Description("Shown to readers with the retraction notice.")] string? Reason,
    [property: Description("Hide the article instead of showing it with the notice.")] bool Hide = false);
