namespace ForumPlatform.Messaging;

/// <summary>
/// Lets one consumer transaction at a time write to the service's SQLite file. SQLite has a single writer
/// anyway; queueing writers here wakes the next one the moment the lock is free, where competing for the file
/// lock would leave them sleeping in SQLite's busy handler (measured: tens of milliseconds at p99).
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
