using ForumPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Articles.Data;

public sealed class ArticlesDbContext(DbContextOptions<ArticlesDbContext> options) : MessagingDbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new ArticleConfiguration());
    }
}

internal sealed class ArticlesDesignTimeFactory : DesignTimeDbContextFactory<ArticlesDbContext>;
