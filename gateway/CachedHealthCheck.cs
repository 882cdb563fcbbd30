using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ForumPlatform.Gateway;

/// <summary>
/// The last result of one health check, kept for <see cref="Lifetime"/>. <c>/health</c> is anonymous and never rate
/// limited, so that probes always get through, and each check opens a broker connection or calls a service; without
/// this, any client could make the gateway do that work as fast as it can send requests. One per registration.
/// </summary>
public sealed class HealthResultCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim evaluating = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? last;

    /// <summary>The kept result while it is fresh; otherwise one caller evaluates and the others wait for its result.</summary>
    public async Task<HealthCheckResult> GetAsync(Func<CancellationToken, Task<HealthCheckResult>> evaluate, CancellationToken cancellationToken)
    {
        if (Fresh() is { } kept)
        {
            return kept;
        }

        await evaluating.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } keptMeanwhile)
            {
                return keptMeanwhile;
            }

            var result = await evaluate(cancellationToken);
            last = (result, clock.GetUtcNow());
            return result;
        }
        finally
        {
            evaluating.Release();
        }
    }

    private HealthCheckResult? Fresh() => last is { } kept && clock.GetUtcNow() - kept.At < Lifetime ? kept.Result : null;
}

/// <summary>A health check answered through its registration's <see cref="HealthResultCache"/>.</summary>
public sealed class CachedHealthCheck(HealthResultCache cache, IHealthCheck check) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        cache.GetAsync(token => check.CheckHealthAsync(context, token), cancellationToken);
}
