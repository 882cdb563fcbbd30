using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ForumPlatform.Messaging;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's DbContext without starting the service
/// (which needs a broker). Each service derives one line from it.
/// </summary>
public abstract class DesignTimeDbContextFactory<TDbContext> : IDesignTimeDbContextFactory<TDbContext>
    where TDbContext : MessagingDbContext
{
    public TDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TDbContext>().UseSqlite("Data Source=design-time.db").Options;
        return (TDbContext)Activator.CreateInstance(typeof(TDbContext), options)!;
    }
}
