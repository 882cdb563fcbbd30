using ForumPlatform.Database;
using ForumPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Agenda.Data;

public sealed class AgendaDbContext(DbContextOptions<AgendaDbContext> options, OutboxSignal? outbox = null)
    : MessagingDbContext(options, outbox)
{
    public DbSet<Forum> Forums => Set<Forum>();

    public DbSet<Track> Tracks => Set<Track>();

    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<Speaker> Speakers => Set<Speaker>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<ScheduleRelease> Releases => Set<ScheduleRelease>();

    public DbSet<Star> Stars => Set<Star>();

    public DbSet<PersonalCalendar> PersonalCalendars => Set<PersonalCalendar>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new ForumConfiguration());
        modelBuilder.ApplyConfiguration(new TrackConfiguration());
        modelBuilder.ApplyConfiguration(new RoomConfiguration());
        modelBuilder.ApplyConfiguration(new SpeakerConfiguration());
        modelBuilder.ApplyConfiguration(new SessionConfiguration());
        modelBuilder.ApplyConfiguration(new ScheduleReleaseConfiguration());
        modelBuilder.ApplyConfiguration(new StarConfiguration());
        modelBuilder.ApplyConfiguration(new PersonalCalendarConfiguration());
    }
}

internal sealed class AgendaDesignTimeFactory : DesignTimeDbContextFactory<AgendaDbContext>;
