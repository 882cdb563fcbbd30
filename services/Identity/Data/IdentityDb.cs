using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ForumPlatform.Identity.Data;

/// <summary>
/// The identity service's own database: ASP.NET Core Identity's people and roles, OpenIddict's applications,
/// authorizations and tokens (<c>UseOpenIddict</c> on the options), and the audit log.
/// </summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<ForumUser>(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(IdentityDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // SQLite cannot order or compare DateTimeOffset columns; stored as numbers (UTC ticks and offset) the audit log sorts by time.
        configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
