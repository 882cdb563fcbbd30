using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ForumPlatform.Database;

public static class ServiceDatabaseExtensions
{
    private static readonly SqliteConnectionSettings SqliteSettings = new();

    /// <summary>
    /// The service's own SQLite database: connection string <c>{name}-db</c>, by default
    /// <c>data/{name}.db</c> under the content root. Migrations are applied at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string name)
        where TDbContext : ServiceDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString($"{name}-db")
            ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "data", $"{name}.db")}";
        EnsureDirectoryExists(connectionString);

        builder.Services.AddDbContext<TDbContext>(options => options.UseSqlite(connectionString).AddInterceptors(SqliteSettings));
        builder.Services.AddHostedService<DatabaseMigrator<TDbContext>>();
        return builder;
    }

    private static void EnsureDirectoryExists(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
