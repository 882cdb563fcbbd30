using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ForumPlatform.Gateway.Tests;

/// <summary>
/// /health is anonymous and never limited, so each check's result is kept for a moment: however many requests come,
/// a service or the broker is asked at most once per <see cref="HealthResultCache.Lifetime"/>.
/// </summary>
public sealed class HealthCacheTests
{
    private readonly ManualClock clock = new();
    private int evaluations;

    private async Task<HealthCheckResult> EvaluateAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref evaluations);
        await Task.Delay(50, cancellationToken); // long enough for the other callers to arrive meanwhile
        return HealthCheckResult.Healthy($"evaluation {evaluations}");
    }

    [Fact]
    public async Task Concurrent_callers_share_one_evaluation_and_its_result_is_kept_for_its_lifetime()
    {
        var cache = new HealthResultCache(clock);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => cache.GetAsync(EvaluateAsync, CancellationToken.None)));
        clock.Now += HealthResultCache.Lifetime - TimeSpan.FromMilliseconds(1);
        var stillKept = await cache.GetAsync(EvaluateAsync, CancellationToken.None);

        Assert.Equal(1, evaluations);
        Assert.All(results.Append(stillKept), result => Assert.Equal("evaluation 1", result.Description));
    }

    [Fact]
    public async Task A_result_past_its_lifetime_is_evaluated_again()
    {
        var cache = new HealthResultCache(clock);
        await cache.GetAsync(EvaluateAsync, CancellationToken.None);

        clock.Now += HealthResultCache.Lifetime;
        var next = await cache.GetAsync(EvaluateAsync, CancellationToken.None);

        Assert.Equal(2, evaluations);
        Assert.Equal("evaluation 2", next.Description);
    }
}
