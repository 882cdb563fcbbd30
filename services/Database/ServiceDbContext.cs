using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ForumPlatform.Database;

/// <summary>
/// Base of every service's DbContext: the one way to write (<see cref="BeginWriteAsync"/>) and the storage
/// conventions every service shares.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    private readonly List<Action> afterCommit = [];

    /// <summary>
    /// Begins this request's or job's one write (see <see cref="DatabaseWrite"/> for the concurrency rule): waits for
    /// the database's writer turn, then opens a transaction holding the write lock. Read, check and change inside it,
    /// then <see cref="DatabaseWrite.CommitAsync"/>.
    /// </summary>
    public async Task<DatabaseWrite> BeginWriteAsync(CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("This DbContext is already inside a write; a write cannot begin another.");
        }

        var turn = await WriteGate.For(Database.GetDbConnection().DataSource).EnterAsync(cancellationToken);
        try
        {
            // Microsoft.Data.Sqlite begins transactions IMMEDIATE: the write lock is taken now, not at the first write.
            var transaction = await Database.BeginTransactionAsync(cancellationToken);
            return new DatabaseWrite(this, turn, transaction);
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the current write commits; a rollback drops it. For signals only (waking a
    /// reader of the new rows): the data is already durable when it runs.
    /// </summary>
    public void OnCommitted(Action action) => afterCommit.Add(action);

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        Database.CurrentTransaction is null
            ? throw new InvalidOperationException($"Changes are saved by committing a write ({nameof(BeginWriteAsync)}), so every write follows one rule.")
            : base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException($"Changes are saved by committing a write ({nameof(BeginWriteAsync)}), asynchronously.");

    internal void RunAfterCommit()
    {
        var actions = afterCommit.ToList();
        afterCommit.Clear();
        actions.ForEach(action => action());
    }

    /// <summary>After a rollback: nothing tracked or promised by the write outlives it.</summary>
    internal void ForgetUncommitted()
    {
        afterCommit.Clear();
        ChangeTracker.Clear();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset columns; stored as UTC text they sort and compare correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
        value => value.UtcDateTime,
        value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
}
