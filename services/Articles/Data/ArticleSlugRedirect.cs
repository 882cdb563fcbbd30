using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Articles.Data;

/// <summary>An earlier slug of an article, which keeps resolving (with a redirect) after a rename.</summary>
public sealed class ArticleSlugRedirect
{
    public required string Slug { get; init; }

    public Guid ArticleId { get; init; }
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
