using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Articles.Data;

public enum ArticleStatus
{
    Draft,
    Published,
}

/// <summary>A news story or press release of the forum.</summary>
public sealed class Article
{
    public Guid Id { get; init; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    public string Summary { get; set; } = "";

    /// <summary>Markdown source.</summary>
    public string Body { get; set; } = "";

    public required string Language { get; set; }

    public List<string> Tags { get; set; } = [];

    /// <summary>In byline order.</summary>
    public List<string> Authors { get; set; } = [];

    public string? ForumSlug { get; set; }

    public ArticleStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Incremented on every change; the concurrency token behind ETags.</summary>
    public int Revision { get; set; } = 1;
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasKey(article => article.Id);
        builder.HasIndex(article => article.Slug).IsUnique();
        builder.HasIndex(article => new { article.Status, article.PublishedAt });
        builder.Property(article => article.Slug).HasMaxLength(200);
        builder.Property(article => article.Title).HasMaxLength(300);
        builder.Property(article => article.Language).HasMaxLength(10);
        builder.Property(article => article.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(article => article.Revision).IsConcurrencyToken();
    }
}
