using ForumPlatform.Database;
using ForumPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Identity.Data;

/// <summary>
/// The outbox (and inbox) of the identity service, in the identity database beside <see cref="IdentityDb"/>:
/// ASP.NET Core Identity's context cannot derive from <see cref="MessagingDbContext"/>, so a write that changes an
/// account and announces it enlists <see cref="IdentityDb"/> in this context's write (<see cref="DatabaseWrite.EnlistAsync"/>),
/// and both commit or neither. Its migrations keep their own history table.
/// </summary>
public sealed class IdentityEvents(DbContextOptions<IdentityEvents> options, OutboxSignal? outbox = null)
    : MessagingDbContext(options, outbox)
{
    public const string MigrationsHistoryTable = "__IdentityEventsMigrationsHistory";

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.UseSqlite(sqlite => sqlite.MigrationsHistoryTable(MigrationsHistoryTable));
}

internal sealed class IdentityEventsDesignTimeFactory : DesignTimeDbContextFactory<IdentityEvents>;
