using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ForumPlatform.Database;

/// <summary>
/// Applies the service's committed migrations at start-up, before the bus and the relay start, and switches
/// the SQLite file to WAL so readers never wait for the writer. (With several replicas on a server database,
/// a separate migration step would run first instead.)
/// </summary>
internal sealed partial class DatabaseMigrator<TDbContext>(
    IServiceScopeFactory scopes,
    ILogger<DatabaseMigrator<TDbContext>> logger) : IHostedService
    where TDbContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        LogMigrated(typeof(TDbContext).Name, db.Database.GetDbConnection().DataSource);

        foreach (var seeder in scope.ServiceProvider.GetServices<IDatabaseSeeder<TDbContext>>())
        {
            await seeder.SeedAsync(db, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "{DbContext} is migrated ({DataSource})")]
    private partial void LogMigrated(string dbContext, string dataSource);
}

/// <summary>Loads start-up content (for example the demo forum) after migrations; must be idempotent.</summary>
public interface IDatabaseSeeder<in TDbContext> where TDbContext : DbContext
{
    Task SeedAsync(TDbContext db, CancellationToken cancellationToken);
}
