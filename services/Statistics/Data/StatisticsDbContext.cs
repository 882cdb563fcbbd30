using ForumPlatform.Database;
using ForumPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Statistics.Data;

public sealed class StatisticsDbContext(DbContextOptions<StatisticsDbContext> options, OutboxSignal? outbox = null)
    : MessagingDbContext(options, outbox)
{
    public DbSet<PlatformCounter> Counters => Set<PlatformCounter>();

    public DbSet<RecordedEvent> Events => Set<RecordedEvent>();

    public DbSet<DeliveryLatency> DeliveryLatencies => Set<DeliveryLatency>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<Observation> Observations => Set<Observation>();

    public DbSet<ObservationRevision> ObservationRevisions => Set<ObservationRevision>();

    public DbSet<IndicatorImport> IndicatorImports => Set<IndicatorImport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new PlatformCounterConfiguration());
        modelBuilder.ApplyConfiguration(new RecordedEventConfiguration());
        modelBuilder.ApplyConfiguration(new DeliveryLatencyConfiguration());
        modelBuilder.ApplyConfiguration(new IndicatorConfiguration());
        modelBuilder.ApplyConfiguration(new ObservationConfiguration());
        modelBuilder.ApplyConfiguration(new ObservationRevisionConfiguration());
        modelBuilder.ApplyConfiguration(new IndicatorImportConfiguration());
    }
}

internal sealed class StatisticsDesignTimeFactory : DesignTimeDbContextFactory<StatisticsDbContext>;
