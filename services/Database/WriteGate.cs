using System.Collections.Concurrent;

namespace ForumPlatform.Database;

/// <summary>
/// One write at a time to one SQLite file in this process. SQLite has a single writer anyway; queueing writers
/// here wakes the next one the moment the lock is free, where competing for the file lock would leave them sleeping
/// in SQLite's busy handler (measured: tens of milliseconds at p99). The gate belongs to the file, not to a
/// service instance, so two hosts of one service on one file (a restart in a test) share it.
/// </summary>
internal sealed class WriteGate
{
    private static readonly ConcurrentDictionary<string, WriteGate> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>The gate of the database file <paramref name="dataSource"/> (relative paths resolved against the current directory).</summary>
    public static WriteGate For(string dataSource) =>
        Gates.GetOrAdd(string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? dataSource : Path.GetFullPath(dataSource), _ => new WriteGate());

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
