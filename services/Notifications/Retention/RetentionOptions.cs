namespace ForumPlatform.Notifications.Retention;

/// <summary>How long the delivery log and received events are kept (section <c>Notifications:Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Notifications:Retention";

    /// <summary>Delivered and failed deliveries, with their attempts, are deleted this long after they ended.</summary>
    public TimeSpan DeliveryLog { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Received events are deleted after this long once no delivery refers to them and the exchange has them.
    /// Must exceed the stream's replay window.
    /// </summary>
    public TimeSpan Events { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Deliveries held for a paused or disabled subscription fail once they are this old, so an abandoned
    /// subscription neither collects every event for ever nor keeps the events it holds from being deleted.
    /// </summary>
    public TimeSpan HeldDeliveries { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
