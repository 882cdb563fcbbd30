using Microsoft.Extensions.Options;

namespace ForumPlatform.Notifications.Webhooks;

/// <summary>What happens to a delivery after an attempt.</summary>
public abstract record AttemptVerdict
{
    public sealed record Delivered : AttemptVerdict;

    public sealed record RetryAt(DateTimeOffset When) : AttemptVerdict;

    /// <summary>The delivery fails; <see cref="DisableSubscription"/> is the reason to disable its subscription, if any.</summary>
    public sealed record GiveUp(string Reason, string? DisableSubscription) : AttemptVerdict;
}

/// <summary>
/// Decides after each attempt: 2xx delivered; 410 Gone disables the subscription at once; timeouts, connection
/// errors, 5xx and 429 are retried on the configured schedule with jitter (never sooner than <c>Retry-After</c>)
/// until it runs out, which disables the subscription; any other answer (3xx, 4xx) fails the delivery alone.
/// </summary>
public sealed class RetryPolicy(IOptions<WebhookOptions> options)
{
    public AttemptVerdict Judge(AttemptResult result, int attemptsSoFar, DateTimeOffset firstAttemptAt)
    {
        if (result.Succeeded)
        {
            return new AttemptVerdict.Delivered();
        }

        var answer = result.StatusCode is { } code ? $"HTTP {code}" : result.Error ?? "no answer";
        if (result.StatusCode == 410)
        {
            return new AttemptVerdict.GiveUp("The endpoint answered 410 Gone.",
                $"The endpoint answered 410 Gone at {result.StartedAt:u}; it asked for no more deliveries.");
        }

        var retryable = result.StatusCode is null or 429 or >= 500;
        if (!retryable)
        {
            return new AttemptVerdict.GiveUp($"The endpoint answered {answer}, which is not retried.", null);
        }

        var schedule = options.Value.EffectiveRetrySchedule;
        if (attemptsSoFar > schedule.Count)
        {
            return new AttemptVerdict.GiveUp(
                $"Gave up after {attemptsSoFar} attempts; the last one: {answer}.",
                $"Deliveries kept failing from {firstAttemptAt:u} to {result.StartedAt:u} ({attemptsSoFar} attempts); the last answer: {answer}.");
        }

        var delay = Jittered(schedule[attemptsSoFar - 1]);
        if (result.RetryAfter is { } retryAfter)
        {
            delay = TimeSpan.FromTicks(Math.Max(delay.Ticks, Math.Min(retryAfter.Ticks, options.Value.MaxRetryAfter.Ticks)));
        }

        return new AttemptVerdict.RetryAt(result.StartedAt + result.Duration + delay);
    }

    private TimeSpan Jittered(TimeSpan delay)
    {
        var spread = options.Value.Jitter * ((Random.Shared.NextDouble() * 2) - 1);
        return delay * (1 + spread);
    }
}
