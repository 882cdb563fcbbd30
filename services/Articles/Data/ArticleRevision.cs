using ForumPlatform.Contracts;
using ForumPlatform.Database;
using ForumPlatform.Messaging;
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
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.HasKey(revision => new { revision.ArticleId, revision.Number });
        builder.Property(revision => revision.Action).HasMaxLength(20);
        builder.Property(revision => revision.EditedBy).HasMaxLength(200);
        builder.Property(revision => revision.Changes).HasJsonConversion();
        builder.Property(revision => revision.Content).HasJsonConversion();
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
