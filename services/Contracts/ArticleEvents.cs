namespace ForumPlatform.Contracts;

// Contracts change by adding fields only; consumers must tolerate fields they do not know.

public sealed record ArticlePublished(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ArticleId,
    string Slug,
    string Title,
    string Summary,
    string Language,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Authors,
    string? ForumSlug,
    DateTimeOffset PublishedAt,
    IReadOnlyList<string>? Themes = null) : IForumEvent;

/// <summary>An edit of an article that is already published.</summary>
public sealed record ArticleUpdated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ArticleId,
    string Slug,
    string Title,
    string Language,
    IReadOnlyList<string> Tags,
    string? ForumSlug,
    int Revision,
    IReadOnlyList<FieldChange> Changes,
    IReadOnlyList<string>? Themes = null) : IForumEvent;

public sealed record ArticleRetracted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ArticleId,
    string Slug,
    string Title,
    string Language,
    IReadOnlyList<string> Tags,
    string? ForumSlug,
    string Reason,
    bool Hidden,
    IReadOnlyList<string>? Themes = null) : IForumEvent;
