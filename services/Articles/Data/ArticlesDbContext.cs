using ForumPlatform.Database;
using ForumPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Articles.Data;

public sealed class ArticlesDbContext(DbContextOptions<ArticlesDbContext> options, OutboxSignal? outbox = null)
    : MessagingDbContext(options, outbox)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleRevision> Revisions => Set<ArticleRevision>();

    public DbSet<ArticleSlugRedirect> SlugRedirects => Set<ArticleSlugRedirect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new ArticleConfiguration());
        modelBuilder.ApplyConfiguration(new ArticleRevisionConfiguration());
        modelBuilder.ApplyConfiguration(new ArticleSlugRedirectConfiguration());
    }
}

internal sealed class ArticlesDesignTimeFactory : DesignTimeDbContextFactory<ArticlesDbContext>;
