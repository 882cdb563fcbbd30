using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace ForumPlatform.Database;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's DbContext without starting the service
/// (which needs a broker). Each service derives one line from it.
/// </summary>
public abstract class DesignTimeDbContextFactory<TDbContext> : IDesignTimeDbContextFactory<TDbContext>
    where TDbContext : ServiceDbContext
{
    public TDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TDbContext>().UseSqlite("Data Source=design-time.db").Options;
        // Constructor parameters other than the options are left to their defaults: none of them shapes the model.
        using var noServices = new ServiceCollection().BuildServiceProvider();
        return ActivatorUtilities.CreateInstance<TDbContext>(noServices, options);
    }
}
