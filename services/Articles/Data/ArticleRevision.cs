using ForumPlatform.Contracts;
using ForumPlatform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Articles.Data;

/// <summary>One change to an article: who, when, what it did, and the content as it stood afterwards.</summary>
public sealed class ArticleRevision
{
    public Guid ArticleId { get; init; }

    /// <summary>The article's revision number after this change.</summary>
    public int Number { get; init; }

    /// <summary><c>created</c>, <c>edited</c>, <c>restored</c>, <c>scheduled</c>, <c>published</c>, <c>unpublished</c> or <c>retracted</c>.</summary>
    public required string Action { get; init; }

    /// <summary>Who made the change: the <c>sub</c> of their token (a person's id, a client's id, or the service's own job).</summary>
    public required string EditedBy { get; init; }

    /// <summary>Their name as their token gave it at the time, for people reading the history; null for older revisions.</summary>
    public string? EditorName { get; init; }

    public DateTimeOffset EditedAt { get; init; }

    public List<FieldChange> Changes { get; init; } = [];

    public required ArticleContent Content { get; init; }

    public static ArticleRevision Of(Article article, string action, Editor editor, IReadOnlyList<FieldChange>? changes = null) => new()
    {
        ArticleId = article.Id,
        Number = article.Revision,
        Action = action,
        EditedBy = editor.Id,
        EditorName = editor.Name,
        EditedAt = article.UpdatedAt,
        Changes = [.. changes ?? []],
        Content = article.Content,
    };
}

/// <summary>Who changes an article: an id that stays, and a name people recognise.</summary>
public sealed record Editor(string Id, string? Name)
{
    public static readonly Editor Scheduler = new("scheduler", "Scheduled publishing");

    public static readonly Editor DemoContent = new("demo-content", "Demo content");
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.HasKey(revision => new { revision.ArticleId, revision.Number });
        builder.Property(revision => revision.Action).HasMaxLength(20);
        builder.Property(revision => revision.EditedBy).HasMaxLength(200);
        builder.Property(revision => revision.EditorName).HasMaxLength(200);
        builder.Property(revision => revision.Changes).HasJsonConversion();
        builder.Property(revision => revision.Content).HasJsonConversion();
    }
}
