using System.Text.Json;
using ForumPlatform.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Articles.Data;

/// <summary>One change to an article: who, when, what it did, and the content as it stood afterwards.</summary>
public sealed class ArticleRevision
{
    public Guid ArticleId { get; init; }

    /// <summary>The article's revision number after this change.</summary>
    public int Number { get; init; }

    /// <summary><c>created</c>, <c>edited</c>, <c>scheduled</c>, <c>published</c>, <c>unpublished</c> or <c>retracted</c>.</summary>
    public required string Action { get; init; }

    public required string EditedBy { get; init; }

    public DateTimeOffset EditedAt { get; init; }

    public List<FieldChange> Changes { get; init; } = [];

    public required ArticleContent Content { get; init; }

    public static ArticleRevision Of(Article article, string action, string editedBy, IReadOnlyList<FieldChange>? changes = null) => new()
    {
        ArticleId = article.Id,
        Number = article.Revision,
        Action = action,
        EditedBy = editedBy,
        EditedAt = article.UpdatedAt,
        Changes = [.. changes ?? []],
        Content = article.Content,
    };
}

/// <summary>An earlier slug of an article, which keeps resolving (with a redirect) after a rename.</summary>
public sealed class ArticleSlugRedirect
{
    public required string Slug { get; init; }

    public Guid ArticleId { get; init; }
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.HasKey(revision => new { revision.ArticleId, revision.Number });
        builder.Property(revision => revision.Action).HasMaxLength(20);
        builder.Property(revision => revision.EditedBy).HasMaxLength(200);
        builder.Property(revision => revision.Changes).HasConversion(
            changes => JsonSerializer.Serialize(changes, Json),
            json => JsonSerializer.Deserialize<List<FieldChange>>(json, Json) ?? new List<FieldChange>(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<FieldChange>>(
                (left, right) => left!.SequenceEqual(right!),
                changes => changes.Aggregate(0, (hash, change) => HashCode.Combine(hash, change)),
                changes => changes.ToList()));
        builder.Property(revision => revision.Content).HasConversion(
            content => JsonSerializer.Serialize(content, Json),
            json => JsonSerializer.Deserialize<ArticleContent>(json, Json)!);
    }
}

internal sealed class ArticleSlugRedirectConfiguration : IEntityTypeConfiguration<ArticleSlugRedirect>
{
    public void Configure(EntityTypeBuilder<ArticleSlugRedirect> builder)
    {
        builder.HasKey(redirect => redirect.Slug);
        builder.Property(redirect => redirect.Slug).HasMaxLength(200);
        builder.HasIndex(redirect => redirect.ArticleId);
    }
}
