using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ForumPlatform.Identity.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the DbContext without starting the service.</summary>
internal sealed class DesignTimeIdentityDbFactory : IDesignTimeDbContextFactory<IdentityDb>
{
    public IdentityDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDb>().UseSqlite("Data Source=design-time.db").UseOpenIddict().Options);
}
