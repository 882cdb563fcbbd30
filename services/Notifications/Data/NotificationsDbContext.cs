using ForumPlatform.Database;
using ForumPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options, OutboxSignal? outbox = null)
    : MessagingDbContext(options, outbox)
{
    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<ReceivedEvent> ReceivedEvents => Set<ReceivedEvent>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new SubscriptionConfiguration());
        modelBuilder.ApplyConfiguration(new ReceivedEventConfiguration());
        modelBuilder.ApplyConfiguration(new DeliveryConfiguration());
        modelBuilder.ApplyConfiguration(new DeliveryAttemptConfiguration());
    }
}

internal sealed class NotificationsDesignTimeFactory : DesignTimeDbContextFactory<NotificationsDbContext>;
