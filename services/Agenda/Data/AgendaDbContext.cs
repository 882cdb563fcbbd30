using ForumPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Agenda.Data;

public sealed class AgendaDbContext(DbContextOptions<AgendaDbContext> options) : MessagingDbContext(options)
{
    public DbSet<Forum> Forums => Set<Forum>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new ForumConfiguration());
    }
}

internal sealed class AgendaDesignTimeFactory : DesignTimeDbContextFactory<AgendaDbContext>;
