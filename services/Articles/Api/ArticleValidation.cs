using System.Text.RegularExpressions;
using ForumPlatform.Articles.Data;
using ForumPlatform.ServiceDefaults;

namespace ForumPlatform.Articles.Api;

/// <summary>
/// Checks an editor's request and turns it into normalized content, or into errors keyed by the JSON field
/// they concern (<c>title</c>, <c>sources[1].url</c>, ...), all at once.
/// </summary>
public static partial class ArticleValidation
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    /// <summary>Slugs that name routes of the API rather than articles.</summary>
    private static readonly HashSet<string> ReservedSlugs = ["search", "tags", "feed"];

    public static (ArticleContent? Content, Dictionary<string, string[]> Errors) Validate(ArticleRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) =>
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

        var title = request.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            Error("title", "A title is required.");
        }
        else if (title.Length is < ArticleLimits.MinTitleLength or > ArticleLimits.MaxTitleLength)
        {
            Error("title", $"A title has {ArticleLimits.MinTitleLength} to {ArticleLimits.MaxTitleLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(request.Language))
        {
            Error("language", "A language is required: en, zh or ru.");
        }
        else if (!ArticleLimits.Languages.Contains(request.Language))
        {
            Error("language", $"Unknown language '{request.Language}'; use one of: {string.Join(", ", ArticleLimits.Languages)}.");
        }

        var summary = request.Summary?.Trim() ?? "";
        if (summary.Length > ArticleLimits.MaxSummaryLength)
        {
            Error("summary", $"A summary has at most {ArticleLimits.MaxSummaryLength} characters.");
        }

        var body = request.Body ?? "";
        if (body.Length > ArticleLimits.MaxBodyLength)
        {
            Error("body", $"The body has {body.Length:N0} characters; the limit is {ArticleLimits.MaxBodyLength:N0}.");
        }

        var slug = request.Slug?.Trim();
        if (slug is not null && (slug.Length > 200 || !SlugPattern().IsMatch(slug)))
        {
            Error("slug", "A slug is lower-case letters, digits and single hyphens, at most 200 characters.");
        }

        var tags = Normalize(request.Tags);
        if (tags.Count > ArticleLimits.MaxTags)
        {
            Error("tags", $"At most {ArticleLimits.MaxTags} tags.");
        }

        foreach (var tag in tags.Where(tag => tag.Length > ArticleLimits.MaxTagLength))
        {
            Error("tags", $"The tag '{tag[..20]}…' is longer than {ArticleLimits.MaxTagLength} characters.");
        }

        var themes = Normalize(request.Themes);
        foreach (var theme in themes.Where(theme => !ArticleLimits.Themes.Contains(theme)))
        {
            Error("themes", $"Unknown theme '{theme}'; use any of: {string.Join(", ", ArticleLimits.Themes)}.");
        }

        var authors = request.Authors?.Select(author => author?.Trim() ?? "").ToList() ?? [];
        if (authors.Count > ArticleLimits.MaxAuthors)
        {
            Error("authors", $"At most {ArticleLimits.MaxAuthors} authors.");
        }

        for (var i = 0; i < authors.Count; i++)
        {
            if (authors[i].Length is 0 or > 200)
            {
                Error($"authors[{i}]", "An author's name has 1 to 200 characters.");
            }
        }

        var sources = new List<ArticleSource>();
        var requestedSources = request.Sources ?? [];
        if (requestedSources.Count > ArticleLimits.MaxSources)
        {
            Error("sources", $"At most {ArticleLimits.MaxSources} sources.");
        }

        for (var i = 0; i < requestedSources.Count; i++)
        {
            var source = requestedSources[i];
            var sourceTitle = source?.Title?.Trim() ?? "";
            if (sourceTitle.Length is 0 or > 300)
            {
                Error($"sources[{i}].title", "A source's title has 1 to 300 characters.");
            }

            if (!IsWebUrl(source?.Url))
            {
                Error($"sources[{i}].url", "A source's URL must be an absolute http or https URL.");
            }
            else
            {
                sources.Add(new ArticleSource(sourceTitle, source!.Url!.Trim()));
            }
        }

        var forumSlug = string.IsNullOrWhiteSpace(request.ForumSlug) ? null : request.ForumSlug.Trim();
        if (forumSlug is not null && !SlugPattern().IsMatch(forumSlug))
        {
            Error("forumSlug", "A forum slug is lower-case letters, digits and single hyphens.");
        }

        var coverUrl = string.IsNullOrWhiteSpace(request.CoverImageUrl) ? null : request.CoverImageUrl.Trim();
        var coverAlt = string.IsNullOrWhiteSpace(request.CoverImageAlt) ? null : request.CoverImageAlt.Trim();
        if (coverUrl is not null && !IsWebUrl(coverUrl))
        {
            Error("coverImageUrl", "The cover image URL must be an absolute http or https URL.");
        }

        if (coverUrl is not null && coverAlt is null)
        {
            Error("coverImageAlt", "A cover image needs alternative text.");
        }

        var texts = new List<(string Field, string? Value)>
        {
            ("title", title), ("summary", summary), ("body", body), ("coverImageAlt", coverAlt),
        };
        texts.AddRange(tags.Select(tag => ("tags", (string?)tag)));
        texts.AddRange(authors.Select((author, i) => ($"authors[{i}]", (string?)author)));
        texts.AddRange(requestedSources.Select((source, i) => ($"sources[{i}].title", source?.Title)));
        foreach (var (field, _) in texts.Where(text => !StoredText.IsStorable(text.Value)).DistinctBy(text => text.Field))
        {
            Error(field, StoredText.Refusal);
        }

        var finalSlug = slug ?? Slugs.FromTitle(title);
        if (ReservedSlugs.Contains(finalSlug))
        {
            Error(slug is null ? "title" : "slug", $"'{finalSlug}' is reserved by the API; give the article another slug.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var content = new ArticleContent(
            finalSlug, title, summary, body, request.Language!, tags, themes, authors, sources,
            forumSlug, coverUrl, coverUrl is null ? null : coverAlt);
        return (content, errors);
    }

    private static List<string> Normalize(IReadOnlyList<string>? values) =>
        values?.Select(value => value?.Trim().ToLowerInvariant() ?? "").Where(value => value.Length > 0).Distinct().ToList() ?? [];

    private static bool IsWebUrl(string? value) =>
        StoredText.IsStorable(value)
        && Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
