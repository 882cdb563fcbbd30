namespace ForumPlatform.Notifications.Webhooks;

/// <summary>How webhooks are sent (section <c>Notifications:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Notifications:Webhooks";

    /// <summary>
    /// Allows targets on private, loopback and link-local addresses. Off in production: a webhook URL must not
    /// become a way into the network the service runs in. Development and tests turn it on.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How long one attempt may take, connection included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Delays before the second, third, ... attempt (jittered). Empty means <see cref="DefaultRetrySchedule"/>; when the
    /// schedule runs out the delivery fails and the subscription is disabled.
    /// </summary>
    public TimeSpan[] RetrySchedule { get; set; } = [];

    /// <summary>The Standard Webhooks example schedule, stretched to give up after about three days.</summary>
    public static readonly TimeSpan[] DefaultRetrySchedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(14), TimeSpan.FromHours(20),
        TimeSpan.FromHours(24),
    ];

    // Configuration binding appends to an array that already has items, so the default lives apart.
    public IReadOnlyList<TimeSpan> EffectiveRetrySchedule => RetrySchedule.Length > 0 ? RetrySchedule : DefaultRetrySchedule;

    /// <summary>Each delay is moved by up to this fraction either way, so retries of many deliveries spread out.</summary>
    public double Jitter { get; set; } = 0.2;

    /// <summary>A <c>Retry-After</c> longer than this is capped (a misconfigured endpoint must not park deliveries for weeks).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Requests in flight over all subscriptions.</summary>
    public int MaxConcurrency { get; set; } = 256;

    /// <summary>Requests in flight to one subscription, so one slow endpoint cannot take every slot.</summary>
    public int MaxConcurrencyPerSubscription { get; set; } = 16;

    /// <summary>How long deliveries are also signed with the previous secret after a rotation.</summary>
    public TimeSpan SecretRotationGrace { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often due retries are looked for when nothing new arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
