using Microsoft.Extensions.Options;

using ForumPlatform.Notifications.Data;

namespace ForumPlatform.Notifications.Retention;

/// <summary>Runs <see cref="DeliveryLogPruning.PruneAsync"/> every <see cref="RetentionOptions.SweepInterval"/>.</summary>
public sealed partial class RetentionSweep(
    IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock,
    ILogger<RetentionSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneOnceAsync(stoppingToken);
                await Task.Delay(options.Value.SweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPruneFailed(exception);
                await Task.Delay(options.Value.SweepInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task PruneOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow();
        if (!await DeliveryLogPruning.HasWorkAsync(db, options.Value, now, cancellationToken))
        {
            return;
        }

        var (deliveries, events) = await DeliveryLogPruning.PruneAsync(db, options.Value, now, cancellationToken);
        if (deliveries + events > 0)
        {
            LogPruned(deliveries, events);
        }
    }

    [LoggerMessage(LogLevel.Information, "Retention: deleted {Deliveries} ended deliveries and {Events} received events")]
    private partial void LogPruned(int deliveries, int events);

    [LoggerMessage(LogLevel.Error, "Retention sweep failed; trying again at the next interval")]
    private partial void LogPruneFailed(Exception exception);
}
