using System.Globalization;
using ForumPlatform.Web.Api;

namespace ForumPlatform.Web.Workspace;

/// <summary>The articles service's editor API, called with the signed-in editor's own token (<see cref="PersonalApi"/>).</summary>
public sealed class NewsroomApi(PersonalApi api)
{
    public const string Articles = "/api/articles";

    /// <summary>One status's articles (draft, scheduled, published, retracted), most recently changed first; <paramref name="text"/> narrows them.</summary>
    public Task<ApiResult<NewsroomPage>> ListAsync(string status, string? text, string? cursor, CancellationToken cancellationToken)
    {
        var query = $"?status={Uri.EscapeDataString(status)}&limit=50";
        query += string.IsNullOrWhiteSpace(text) ? "" : $"&q={Uri.EscapeDataString(text.Trim())}";
        query += string.IsNullOrEmpty(cursor) ? "" : $"&cursor={Uri.EscapeDataString(cursor)}";
        return api.GetAsync<NewsroomPage>(Articles + query, cancellationToken);
    }

    /// <summary>An article in any state, with its ETag.</summary>
    public Task<ApiResult<EditorArticle>> ArticleAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<EditorArticle>($"{Articles}/{id}", cancellationToken);

    public Task<ApiResult<EditorArticle>> CreateAsync(ArticleDraft draft, CancellationToken cancellationToken) =>
        api.SendAsync<EditorArticle>(HttpMethod.Post, Articles, cancellationToken, draft);

    /// <summary>Replaces the content; <paramref name="etag"/> is the revision the editor started from (412 when it is not the current one).</summary>
    public Task<ApiResult<EditorArticle>> EditAsync(Guid id, string etag, ArticleDraft draft, CancellationToken cancellationToken) =>
        api.SendAsync<EditorArticle>(HttpMethod.Put, $"{Articles}/{id}", cancellationToken, draft, etag);

    public Task<ApiResult<EditorArticle>> ScheduleAsync(Guid id, string etag, DateTimeOffset publishAt, CancellationToken cancellationToken) =>
        api.SendAsync<EditorArticle>(HttpMethod.Post, $"{Articles}/{id}/schedule", cancellationToken, new { publishAt }, etag);

    public Task<ApiResult<EditorArticle>> PublishAsync(Guid id, string etag, CancellationToken cancellationToken) =>
        api.SendAsync<EditorArticle>(HttpMethod.Post, $"{Articles}/{id}/publish", cancellationToken, ifMatch: etag);

    public Task<ApiResult<EditorArticle>> UnpublishAsync(Guid id, string etag, CancellationToken cancellationToken) =>
        api.SendAsync<EditorArticle>(HttpMethod.Post, $"{Articles}/{id}/unpublish", cancellationToken, ifMatch: etag);

    public Task<ApiResult<EditorArticle>> RetractAsync(Guid id, string etag, string reason, bool hide, CancellationToken cancellationToken) =>
        api.SendAsync<EditorArticle>(HttpMethod.Post, $"{Articles}/{id}/retract", cancellationToken, new { reason, hide }, etag);

    public Task<ApiResult<object>> DeleteAsync(Guid id, string etag, CancellationToken cancellationToken) =>
        api.SendAsync<object>(HttpMethod.Delete, $"{Articles}/{id}", cancellationToken, ifMatch: etag);

    public Task<ApiResult<List<RevisionSummary>>> RevisionsAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<List<RevisionSummary>>($"{Articles}/{id}/revisions", cancellationToken);

    public Task<ApiResult<Revision>> RevisionAsync(Guid id, int number, CancellationToken cancellationToken) =>
        api.GetAsync<Revision>($"{Articles}/{id}/revisions/{number.ToString(CultureInfo.InvariantCulture)}", cancellationToken);

    public Task<ApiResult<EditorArticle>> RestoreAsync(Guid id, int number, string etag, CancellationToken cancellationToken) =>
        api.SendAsync<EditorArticle>(
            HttpMethod.Post, $"{Articles}/{id}/revisions/{number.ToString(CultureInfo.InvariantCulture)}/restore", cancellationToken, ifMatch: etag);

    /// <summary>The body rendered by the articles service's own pipeline, as readers will see it; nothing is stored.</summary>
    public Task<ApiResult<Preview>> PreviewAsync(string body, CancellationToken cancellationToken) =>
        api.SendAsync<Preview>(HttpMethod.Post, $"{Articles}/preview", cancellationToken, new { body });
}

// The editor API's answers, as the workspace shows them.

public sealed record NewsroomItem(
    Guid Id, string Slug, string Title, string Summary, string Language, string Status, DateTimeOffset? PublishedAt, Retraction? Retraction);

public sealed record NewsroomPage(IReadOnlyList<NewsroomItem> Items, string? NextCursor);

public sealed record EditorArticle(
    Guid Id, string Slug, string Title, string Summary, string Body, string BodyHtml, string Language, IReadOnlyList<string> Tags,
    IReadOnlyList<string> Themes, IReadOnlyList<string> Authors, IReadOnlyList<ArticleSource> Sources, string? ForumSlug,
    CoverImage? CoverImage, string Status, DateTimeOffset UpdatedAt, DateTimeOffset? ScheduledFor, DateTimeOffset? PublishedAt,
    Retraction? Retraction, int Revision, IReadOnlyList<Translation> Translations);

public sealed record FieldChange(string Field, string? OldValue, string? NewValue);

public sealed record RevisionSummary(
    int Number, string Action, string EditedBy, string? EditorName, DateTimeOffset EditedAt, IReadOnlyList<FieldChange> Changes)
{
    /// <summary>Who made it, as people know them (their id for revisions older than kept names).</summary>
    public string Who => EditorName ?? EditedBy;
}

/// <summary>An article's content as a revision keeps it.</summary>
public sealed record RevisionContent(
    string Slug, string Title, string Summary, string Body, string Language, IReadOnlyList<string> Tags, IReadOnlyList<string> Themes,
    IReadOnlyList<string> Authors, IReadOnlyList<ArticleSource> Sources, string? ForumSlug, string? CoverImageUrl, string? CoverImageAlt);

public sealed record Revision(
    int Number, string Action, string EditedBy, string? EditorName, DateTimeOffset EditedAt, IReadOnlyList<FieldChange> Changes,
    RevisionContent Content)
{
    public string Who => EditorName ?? EditedBy;
}

public sealed record Preview(string Html);

/// <summary>An article's content as the editor API takes it (the whole content: an edit replaces it).</summary>
public sealed record ArticleDraft(
    string Title, string Language, string Summary, string Body, string? Slug, IReadOnlyList<string> Tags, IReadOnlyList<string> Themes,
    IReadOnlyList<string> Authors, IReadOnlyList<ArticleSource> Sources, string? ForumSlug, string? CoverImageUrl, string? CoverImageAlt,
    Guid? TranslationOf);
