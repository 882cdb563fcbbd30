using System.Globalization;
using ForumPlatform.Database;
using ForumPlatform.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Values keep the digits they were given (3 stays 3, 94.80 stays 94.80) and are answered as given. EF Core's
        // own SQLite format would store 3.0 and 94.8. Values are summed and compared in C#, never in SQL.
        configurationBuilder.Properties<decimal>().HaveConversion<InvariantDecimalConverter>();
    }

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

    private sealed class InvariantDecimalConverter() : ValueConverter<decimal, string>(
        value => value.ToString(CultureInfo.InvariantCulture),
        text => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
}

internal sealed class StatisticsDesignTimeFactory : DesignTimeDbContextFactory<StatisticsDbContext>;
