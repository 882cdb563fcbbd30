using System.Text.Json;
using ForumPlatform.Contracts;
using ForumPlatform.Database;
using ForumPlatform.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Articles.Data;

public enum ArticleStatus
{
    Draft,
    Scheduled,
    Published,
    Retracted,
}

/// <summary>Where a story came from, e.g. the outlet that first reported it.</summary>
public sealed record ArticleSource(string Title, string Url);

/// <summary>The parts of an article an editor writes; every edit replaces them as a whole.</summary>
public sealed record ArticleContent(
    string Slug,
    string Title,
    string Summary,
    string Body,
    string Language,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Authors,
    IReadOnlyList<ArticleSource> Sources,
    string? ForumSlug,
    string? CoverImageUrl,
    string? CoverImageAlt);

/// <summary>
/// A news story or press release of the forum, and the rules of its life:
/// draft → scheduled → published → retracted, with unpublishing back to draft.
/// </summary>
public sealed class Article
{
    public Guid Id { get; init; }

    /// <summary>Articles that are translations of one story share this id.</summary>
    public Guid TranslationGroupId { get; set; }

    public string Slug { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    /// <summary>Markdown source.</summary>
    public string Body { get; private set; } = "";

    /// <summary>The body rendered and sanitized; rendered on every edit rather than on every read.</summary>
    public string BodyHtml { get; private set; } = "";

    public string Language { get; private set; } = "";

    public List<string> Tags { get; private set; } = [];

    public List<string> Themes { get; private set; } = [];

    /// <summary>In byline order: the first is the byline.</summary>
    public List<string> Authors { get; private set; } = [];

    public List<ArticleSource> Sources { get; private set; } = [];

    public string? ForumSlug { get; private set; }

    public string? CoverImageUrl { get; private set; }

    public string? CoverImageAlt { get; private set; }

    public ArticleStatus Status { get; private set; }

    public DateTimeOffset? ScheduledFor { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? RetractedAt { get; private set; }

    public string? RetractionReason { get; private set; }

    /// <summary>A retracted article is readable with its notice unless the editor chose to hide it.</summary>
    public bool HiddenAfterRetraction { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Incremented on every change; the concurrency token behind ETags.</summary>
    public int Revision { get; private set; } = 1;

    /// <summary>
    /// Whether anonymous readers may see and list it: published, or retracted but not hidden. Stored (and kept by
    /// every transition) so the public list reads one index in order instead of sorting every article.
    /// </summary>
    public bool IsPublic { get; private set; }

    public static Article Create(Guid id, ArticleContent content, string bodyHtml, DateTimeOffset now)
    {
        var article = new Article { Id = id, TranslationGroupId = id, CreatedAt = now };
        article.Apply(content, bodyHtml);
        article.UpdatedAt = now;
        return article;
    }

    public ArticleContent Content => new(
        Slug, Title, Summary, Body, Language, Tags, Themes, Authors, Sources, ForumSlug, CoverImageUrl, CoverImageAlt);

    /// <summary>Replaces the content; returns what changed (empty when nothing did).</summary>
    public IReadOnlyList<FieldChange> Edit(ArticleContent content, string bodyHtml, DateTimeOffset now)
    {
        var changes = Compare(Content, content);
        if (changes.Count > 0)
        {
            Apply(content, bodyHtml);
            Touch(now);
        }

        return changes;
    }

    public void Schedule(DateTimeOffset publishAt, DateTimeOffset now)
    {
        Require(Status is ArticleStatus.Draft or ArticleStatus.Scheduled, "schedule");
        if (publishAt <= now)
        {
            throw new ArticleRuleException("publishAt", "The publication time must be in the future.");
        }

        Status = ArticleStatus.Scheduled;
        ScheduledFor = publishAt;
        Touch(now);
    }

    public void Publish(DateTimeOffset now)
    {
        Require(Status is ArticleStatus.Draft or ArticleStatus.Scheduled, "publish");
        Status = ArticleStatus.Published;
        PublishedAt = now;
        ScheduledFor = null;
        Touch(now);
    }

    /// <summary>Takes a scheduled or published article back to draft. Returns whether it had been public.</summary>
    public bool Unpublish(DateTimeOffset now)
    {
        Require(Status is ArticleStatus.Scheduled or ArticleStatus.Published, "unpublish");
        var wasPublic = Status == ArticleStatus.Published;
        Status = ArticleStatus.Draft;
        ScheduledFor = null;
        PublishedAt = null;
        Touch(now);
        return wasPublic;
    }

    public void Retract(string reason, bool hide, DateTimeOffset now)
    {
        Require(Status == ArticleStatus.Published, "retract");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArticleRuleException("reason", "A retraction needs a public reason.");
        }

        if (!StoredText.IsStorable(reason))
        {
            throw new ArticleRuleException("reason", StoredText.Refusal);
        }

        Status = ArticleStatus.Retracted;
        RetractedAt = now;
        RetractionReason = reason.Trim();
        HiddenAfterRetraction = hide;
        Touch(now);
    }

    public void EnsureDeletable() => Require(Status == ArticleStatus.Draft, "delete");

    private void Require(bool allowed, string action)
    {
        if (!allowed)
        {
            throw new ArticleStateException($"A {Status.ToString().ToLowerInvariant()} article cannot {action}.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Revision++;
        IsPublic = Status == ArticleStatus.Published || (Status == ArticleStatus.Retracted && !HiddenAfterRetraction);
    }

    private void Apply(ArticleContent content, string bodyHtml)
    {
        Slug = content.Slug;
        Title = content.Title;
        Summary = content.Summary;
        Body = content.Body;
        BodyHtml = bodyHtml;
        Language = content.Language;
        Tags = [.. content.Tags];
        Themes = [.. content.Themes];
        Authors = [.. content.Authors];
        Sources = [.. content.Sources];
        ForumSlug = content.ForumSlug;
        CoverImageUrl = content.CoverImageUrl;
        CoverImageAlt = content.CoverImageAlt;
    }

    private static List<FieldChange> Compare(ArticleContent before, ArticleContent after)
    {
        var changes = new List<FieldChange>();
        void Field(string name, string? oldValue, string? newValue)
        {
            if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(name, oldValue, newValue));
            }
        }

        Field("slug", before.Slug, after.Slug);
        Field("title", before.Title, after.Title);
        Field("summary", before.Summary, after.Summary);
        Field("body", before.Body, after.Body);
        Field("language", before.Language, after.Language);
        Field("tags", string.Join(", ", before.Tags), string.Join(", ", after.Tags));
        Field("themes", string.Join(", ", before.Themes), string.Join(", ", after.Themes));
        Field("authors", string.Join(", ", before.Authors), string.Join(", ", after.Authors));
        Field("sources", JsonSerializer.Serialize(before.Sources), JsonSerializer.Serialize(after.Sources));
        Field("forumSlug", before.ForumSlug, after.ForumSlug);
        Field("coverImageUrl", before.CoverImageUrl, after.CoverImageUrl);
        Field("coverImageAlt", before.CoverImageAlt, after.CoverImageAlt);
        return changes;
    }
}

/// <summary>The article's state does not allow the action (answered with 409).</summary>
public sealed class ArticleStateException(string message) : Exception(message);

/// <summary>A value breaks a rule of the article (answered with 400 naming the field).</summary>
public sealed class ArticleRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasKey(article => article.Id);
        builder.HasIndex(article => article.Slug).IsUnique();
        // Partial index for the public list and feeds, newest first. A bare "IsPublic" filter is what EF writes
        // for `a.IsPublic`, so SQLite sees the query's WHERE imply the index's and reads it in order.
        builder.HasIndex(article => new { article.PublishedAt, article.Slug }).HasFilter("\"IsPublic\"").HasDatabaseName("IX_Articles_Public_PublishedAt_Slug");
        builder.HasIndex(article => new { article.Status, article.ScheduledFor });
        builder.HasIndex(article => article.TranslationGroupId);
        builder.Property(article => article.Slug).HasMaxLength(200);
        builder.Property(article => article.Title).HasMaxLength(300);
        builder.Property(article => article.Language).HasMaxLength(10);
        builder.Property(article => article.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(article => article.Revision).IsConcurrencyToken();
        builder.Property(article => article.Sources).HasJsonConversion();
        builder.Ignore(article => article.Content);
    }
}
