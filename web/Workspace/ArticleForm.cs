using ForumPlatform.Web.Api;

namespace ForumPlatform.Web.Workspace;

/// <summary>
/// An article's content as the editor's form holds it: plain text per field (tags and authors separated by commas,
/// sources one per line as "title | address"). Made from the form, from the article or from a revision, so any two can be
/// compared field by field.
/// </summary>
public sealed record ArticleForm(
    string Title, string Language, string Summary, string Body, string Slug, string Tags, IReadOnlyList<string> Themes,
    string Authors, string Sources, string ForumSlug, string CoverImageUrl, string CoverImageAlt)
{
    /// <summary>The fields in the order the form shows them: the API's name for each, and its label.</summary>
    public static readonly IReadOnlyList<(string Field, string Label)> Labels =
    [
        ("title", "Title"), ("slug", "Slug"), ("language", "Language"), ("summary", "Summary"), ("body", "Body"),
        ("tags", "Tags"), ("themes", "Themes"), ("authors", "Authors"), ("sources", "Sources"), ("forumSlug", "Forum"),
        ("coverImageUrl", "Cover image address"), ("coverImageAlt", "Cover image description"),
    ];

    public static ArticleForm Empty(string language, string? forumSlug) =>
        new("", language, "", "", "", "", [], "", "", forumSlug ?? "", "", "");

    public static ArticleForm From(EditorArticle article) => new(
        article.Title, article.Language, article.Summary, article.Body, article.Slug, string.Join(", ", article.Tags), article.Themes,
        string.Join(", ", article.Authors), SourceLines(article.Sources), article.ForumSlug ?? "", article.CoverImage?.Url ?? "",
        article.CoverImage?.Alt ?? "");

    public static ArticleForm From(RevisionContent content) => new(
        content.Title, content.Language, content.Summary, content.Body, content.Slug, string.Join(", ", content.Tags), content.Themes,
        string.Join(", ", content.Authors), SourceLines(content.Sources), content.ForumSlug ?? "", content.CoverImageUrl ?? "",
        content.CoverImageAlt ?? "");

    public static ArticleForm From(IFormCollection form) => new(
        form["title"].ToString(), form["language"].ToString(), form["summary"].ToString(), Lines(form["body"].ToString()),
        form["slug"].ToString().Trim(), form["tags"].ToString(), [.. form["themes"].OfType<string>()], form["authors"].ToString(),
        Lines(form["sources"].ToString()), form["forumSlug"].ToString().Trim(), form["coverImageUrl"].ToString().Trim(),
        form["coverImageAlt"].ToString());

    /// <summary>The value of one field as text (<see cref="Labels"/> names them).</summary>
    public string this[string field] => field switch
    {
        "title" => Title,
        "slug" => Slug,
        "language" => Language,
        "summary" => Summary,
        "body" => Body,
        "tags" => Tags,
        "themes" => string.Join(", ", Themes),
        "authors" => Authors,
        "sources" => Sources,
        "forumSlug" => ForumSlug,
        "coverImageUrl" => CoverImageUrl,
        "coverImageAlt" => CoverImageAlt,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a field of the article form."),
    };

    /// <summary>This form with one field's value taken from <paramref name="other"/> (merging by hand, field by field).</summary>
    public ArticleForm WithFieldOf(ArticleForm other, string field) => field switch
    {
        "title" => this with { Title = other.Title },
        "slug" => this with { Slug = other.Slug },
        "language" => this with { Language = other.Language },
        "summary" => this with { Summary = other.Summary },
        "body" => this with { Body = other.Body },
        "tags" => this with { Tags = other.Tags },
        "themes" => this with { Themes = other.Themes },
        "authors" => this with { Authors = other.Authors },
        "sources" => this with { Sources = other.Sources },
        "forumSlug" => this with { ForumSlug = other.ForumSlug },
        "coverImageUrl" => this with { CoverImageUrl = other.CoverImageUrl },
        "coverImageAlt" => this with { CoverImageAlt = other.CoverImageAlt },
        _ => this,
    };

    /// <summary>The fields whose text differs between the two, in form order.</summary>
    public IReadOnlyList<string> FieldsChangedFrom(ArticleForm other) =>
        [.. Labels.Select(label => label.Field).Where(field => this[field] != other[field])];

    /// <summary>What the editor API takes. An empty slug lets the service make one from the title.</summary>
    public ArticleDraft ToDraft(Guid? translationOf) => new(
        Title, Language, Summary, Body, Slug.Length == 0 ? null : Slug, Split(Tags), Themes, Split(Authors),
        [.. LinkLines.Read(Sources).Select(link => new ArticleSource(link.Title, link.Url))],
        ForumSlug.Length == 0 ? null : ForumSlug, CoverImageUrl.Length == 0 ? null : CoverImageUrl,
        CoverImageAlt.Trim().Length == 0 ? null : CoverImageAlt, translationOf);

    /// <summary>
    /// The field of the form an API message is about: <c>authors[2]</c> and <c>sources[0].url</c> belong to the
    /// authors and sources boxes.
    /// </summary>
    public static string FieldOf(string apiField) => apiField.Split('[', '.')[0];

    private static string SourceLines(IReadOnlyList<ArticleSource> sources) => LinkLines.Write(sources.Select(source => (source.Title, source.Url)));

    private static List<string> Split(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Line ends as the API keeps them: a browser posts a textarea's lines with CR LF.</summary>
    private static string Lines(string text) => text.Replace("\r\n", "\n");
}
