using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ForumPlatform.Database;

/// <summary>
/// One write to a service's database, begun by <see cref="ServiceDbContext.BeginWriteAsync"/>: the only way anything
/// in the platform writes, whether an HTTP handler, a consumer (through the inbox filter), an importer or a
/// background job. <see cref="CommitAsync"/> saves the changes, commits, then runs what the write asked to run after
/// its commit (waking the outbox relay, the webhook dispatcher, live streams). Disposed without a commit, it rolls
/// back and forgets every change it tracked, so a refused request leaves nothing behind.
/// </summary>
/// <remarks>
/// The concurrency rule: writes to one database run one at a time, and each sees every write committed before it.
/// A check and the write that depends on it (two requests booking one room, taking one slug, defining one indicator)
/// therefore belong in one <see cref="DatabaseWrite"/>; the second request gets the documented refusal. Edits of a
/// row read before the write began carry a concurrency token (an ETag) and fail as stale instead of overwriting.
/// On SQLite this is a per-file gate in the process, a transaction that takes the file's write lock at its start
/// (<c>BEGIN IMMEDIATE</c>), and a busy timeout for writers in other processes.
/// </remarks>
public sealed class DatabaseWrite : IAsyncDisposable
{
    private readonly ServiceDbContext db;
    private readonly IDisposable turn;
    private readonly IDbContextTransaction transaction;
    private readonly List<DbContext> enlisted = [];
    private bool committed;

    internal DatabaseWrite(ServiceDbContext db, IDisposable turn, IDbContextTransaction transaction)
    {
        this.db = db;
        this.turn = turn;
        this.transaction = transaction;
    }

    /// <summary>Saves the tracked changes, commits, and runs the after-commit work (<see cref="ServiceDbContext.OnCommitted"/>).</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        committed = true;
        db.RunAfterCommit();
    }

    /// <summary>
    /// Makes another DbContext over the same database write inside this write (same connection, same transaction), so
    /// both commit or neither: for a context that cannot derive from <see cref="ServiceDbContext"/>, such as ASP.NET Core
    /// Identity's. Its connection must not be open; its <c>SaveChangesAsync</c> then writes into this transaction.
    /// </summary>
    public async Task EnlistAsync(DbContext other, CancellationToken cancellationToken)
    {
        other.Database.SetDbConnection(db.Database.GetDbConnection(), contextOwnsConnection: false);
        await other.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        enlisted.Add(other);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // An enlisted context outlives this write (it is the request's): it lets go of the finished transaction,
            // so a later save of it begins one of its own rather than failing on this one.
            foreach (var other in enlisted)
            {
                await other.Database.UseTransactionAsync(null);
            }

            await transaction.DisposeAsync();
            if (!committed)
            {
                db.ForgetUncommitted();
            }
        }
        finally
        {
            turn.Dispose();
        }
    }
}
