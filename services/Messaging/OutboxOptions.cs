namespace ForumPlatform.Messaging;

/// <summary>How the outbox relay publishes (configuration section <c>Messaging:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Messaging:Outbox";

    /// <summary>How often the re-sender looks for rows whose publish failed and are due again.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A publish that has not been confirmed by then counts as failed and is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First retry delay; doubles per failed attempt up to <see cref="MaxRetryDelay"/>, with jitter.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Rows published longer ago than this are deleted.</summary>
    public TimeSpan PublishedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Inbox records older than this are deleted. It must outlast any redelivery (the broker redelivers within
    /// minutes; a message parked in an <c>_error</c> queue and moved back by hand is the slow case), since a message
    /// whose record is gone would be processed again.
    /// </summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(14);

    public int BatchSize { get; set; } = 100;

    internal TimeSpan RetryDelay(int failedAttempts)
    {
        var exponential = FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failedAttempts - 1, 20));
        var capped = Math.Min(exponential, MaxRetryDelay.TotalMilliseconds);
        // Full jitter on the upper half keeps replicas that failed together from retrying in lockstep.
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }
}
