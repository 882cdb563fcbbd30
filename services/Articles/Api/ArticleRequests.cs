using System.ComponentModel;
using System.Text.RegularExpressions;
using ForumPlatform.Articles.Data;
using ForumPlatform.ServiceDefaults;

namespace ForumPlatform.Articles.Api;

/// <summary>An article's content as an editor sends it, to create a draft or replace the content of one.</summary>
public sealed partial record ArticleRequest(
    [property: Description("3 to 300 characters.")] string Title,
    [property: Description("One of en, zh, ru.")] string Language,
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
    [property: Description("Id of an article this one translates; both then list each other as translations.")] Guid? TranslationOf = null)
{
    /// <summary>Slugs that name routes of the API rather than articles.</summary>
    private static readonly HashSet<string> ReservedSlugs = ["search", "tags", "feed"];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    /// <summary>
    /// Checks the request into <paramref name="errors"/> and answers its normalized content, or null when anything is
    /// wrong. A JSON body can leave out or null any field, whatever its declared type, so every field is checked.
    /// </summary>
    public ArticleContent? Validate(FieldErrors errors)
    {
        var title = Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors.Add("title", "A title is required.");
        }
        else if (title.Length is < ArticleLimits.MinTitleLength or > ArticleLimits.MaxTitleLength)
        {
            errors.Add("title", $"A title has {ArticleLimits.MinTitleLength} to {ArticleLimits.MaxTitleLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(Language))
        {
            errors.Add("language", "A language is required: en, zh or ru.");
        }
        else if (!ArticleLimits.Languages.Contains(Language))
        {
            errors.Add("language", $"Unknown language '{Language}'; use one of: {string.Join(", ", ArticleLimits.Languages)}.");
        }

        var summary = Summary?.Trim() ?? "";
        if (summary.Length > ArticleLimits.MaxSummaryLength)
        {
            errors.Add("summary", $"A summary has at most {ArticleLimits.MaxSummaryLength} characters.");
        }

        var body = PreviewRequest.CheckBody(Body, errors);

        var slug = Slug?.Trim();
        if (slug is not null && (slug.Length > 200 || !SlugPattern().IsMatch(slug)))
        {
            errors.Add("slug", "A slug is lower-case letters, digits and single hyphens, at most 200 characters.");
        }

        var tags = Normalize(Tags);
        if (tags.Count > ArticleLimits.MaxTags)
        {
            errors.Add("tags", $"At most {ArticleLimits.MaxTags} tags.");
        }

        foreach (var tag in tags.Where(tag => tag.Length > ArticleLimits.MaxTagLength))
        {
            errors.Add("tags", $"The tag '{tag[..20]}…' is longer than {ArticleLimits.MaxTagLength} characters.");
        }

        var themes = Normalize(Themes);
        foreach (var theme in themes.Where(theme => !ArticleLimits.Themes.Contains(theme)))
        {
            errors.Add("themes", $"Unknown theme '{theme}'; use any of: {string.Join(", ", ArticleLimits.Themes)}.");
        }

        var authors = Authors?.Select(author => author?.Trim() ?? "").ToList() ?? [];
        if (authors.Count > ArticleLimits.MaxAuthors)
        {
            errors.Add("authors", $"At most {ArticleLimits.MaxAuthors} authors.");
        }

        for (var i = 0; i < authors.Count; i++)
        {
            errors.Text($"authors[{i}]", authors[i], 1, 200);
        }

        var sources = new List<ArticleSource>();
        var requestedSources = Sources ?? [];
        if (requestedSources.Count > ArticleLimits.MaxSources)
        {
            errors.Add("sources", $"At most {ArticleLimits.MaxSources} sources.");
        }

        for (var i = 0; i < requestedSources.Count; i++)
        {
            var source = requestedSources[i];
            var titled = errors.Text($"sources[{i}].title", source?.Title, 1, 300);
            if (errors.Url($"sources[{i}].url", source?.Url, required: true) && titled)
            {
                sources.Add(new ArticleSource(source!.Title.Trim(), source.Url.Trim()));
            }
        }

        var forumSlug = string.IsNullOrWhiteSpace(ForumSlug) ? null : ForumSlug.Trim();
        if (forumSlug is not null && !SlugPattern().IsMatch(forumSlug))
        {
            errors.Add("forumSlug", "A forum slug is lower-case letters, digits and single hyphens.");
        }

        var coverUrl = string.IsNullOrWhiteSpace(CoverImageUrl) ? null : CoverImageUrl.Trim();
        var coverAlt = string.IsNullOrWhiteSpace(CoverImageAlt) ? null : CoverImageAlt.Trim();
        errors.Url("coverImageUrl", coverUrl);
        if (coverUrl is not null && coverAlt is null)
        {
            errors.Add("coverImageAlt", "A cover image needs alternative text.");
        }

        errors.Storable("title", title);
        errors.Storable("summary", summary);
        errors.Storable("body", body);
        errors.Storable("coverImageAlt", coverAlt);
        if (!tags.All(StoredText.IsStorable))
        {
            errors.Add("tags", StoredText.Refusal);
        }

        var finalSlug = slug ?? Slugs.FromTitle(title);
        if (ReservedSlugs.Contains(finalSlug))
        {
            errors.Add(slug is null ? "title" : "slug", $"'{finalSlug}' is reserved by the API; give the article another slug.");
        }

        return errors.Any
            ? null
            : new ArticleContent(
                finalSlug, title, summary, body, Language, tags, themes, authors, sources,
                forumSlug, coverUrl, coverUrl is null ? null : coverAlt);
    }

    private static List<string> Normalize(IReadOnlyList<string>? values) =>
        values?.Select(value => value?.Trim().ToLowerInvariant() ?? "").Where(value => value.Length > 0).Distinct().ToList() ?? [];
}

public sealed record SourceRequest(string Title, string Url);

public sealed record ScheduleRequest([property: Description("A future time, ISO 8601 with offset.")] DateTimeOffset? PublishAt);

public sealed record RetractRequest(
    [property: Description("Shown to readers with the retraction notice.")] string? Reason,
    [property: Description("Hide the article instead of showing it with the notice.")] bool Hide = false);

/// <summary>Filters of the public article list; all optional.</summary>
public sealed record ArticleQuery(
    [property: Description("Only articles with this tag.")] string? Tag = null,
    [property: Description("Only articles with this theme.")] string? Theme = null,
    [property: Description("en, zh or ru.")] string? Language = null,
    [property: Description("Only articles of this forum (its slug).")] string? Forum = null,
    [property: Description("Only articles by this author (exact name).")] string? Author = null,
    [property: Description("Published at or after this time.")] DateTimeOffset? From = null,
    [property: Description("Published before this time.")] DateTimeOffset? To = null,
    [property: Description("Editors only: draft, scheduled, published or retracted (hidden ones included), most recently changed first.")] string? Status = null,
    [property: Description("With status only: articles whose title, summary or slug holds this text (letter case aside), for the newsroom's lists.")] string? Q = null,
    [property: Description("The nextCursor of the previous page.")] string? Cursor = null,
    [property: Description("Page size, 1 to 100 (default 20).")] int? Limit = null);

/// <summary>An editor's Markdown to be rendered as readers will see it.</summary>
public sealed record PreviewRequest(string? Body)
{
    /// <summary>The body, checked as a draft's is (length; the storable check comes with the draft's other texts).</summary>
    public static string CheckBody(string? body, FieldErrors errors)
    {
        body ??= "";
        if (body.Length > ArticleLimits.MaxBodyLength)
        {
            errors.Add("body", $"The body has {body.Length:N0} characters; the limit is {ArticleLimits.MaxBodyLength:N0}.");
        }

        return body;
    }

    public string Validate(FieldErrors errors)
    {
        var body = CheckBody(Body, errors);
        errors.Storable("body", body);
        return body;
    }
}
