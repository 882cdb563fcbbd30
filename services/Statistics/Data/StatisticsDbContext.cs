using ForumPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Statistics.Data;

public sealed class StatisticsDbContext(DbContextOptions<StatisticsDbContext> options) : MessagingDbContext(options)
{
    public DbSet<PlatformCounter> Counters => Set<PlatformCounter>();

    public DbSet<RecordedEvent> Events => Set<RecordedEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new PlatformCounterConfiguration());
        modelBuilder.ApplyConfiguration(new RecordedEventConfiguration());
    }
}

internal sealed class StatisticsDesignTimeFactory : DesignTimeDbContextFactory<StatisticsDbContext>;
