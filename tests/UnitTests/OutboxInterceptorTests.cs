using ForumPlatform.Messaging;
using ForumPlatform.Messaging.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.UnitTests;

/// <summary>The relay is told about outbox rows only once they are committed (no broker needed).</summary>
public sealed class OutboxInterceptorTests : IAsyncLifetime
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly OutboxSignal signal = new();

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await connection.DisposeAsync();

    [Fact]
    public async Task Save_without_a_transaction_signals_the_new_row()
    {
        var published = TestService.NewEvent();
        await using var db = NewContext();
        db.AddEvent(published);
        await db.SaveChangesAsync();

        Assert.Equal([published.EventId], Drain());
    }

    [Fact]
    public async Task Rows_saved_in_a_transaction_are_signalled_at_commit_not_before()
    {
        var published = TestService.NewEvent();
        await using var db = NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.AddEvent(published);
        await db.SaveChangesAsync();
        Assert.Empty(Drain());

        await transaction.CommitAsync();
        Assert.Equal([published.EventId], Drain());
    }

    [Fact]
    public async Task Rolled_back_rows_are_never_signalled()
    {
        await using var db = NewContext();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.AddEvent(TestService.NewEvent());
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        // A later commit on the same context must not carry the rolled-back row along.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Notes.Add(new Note { Text = "unrelated" });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.Empty(Drain());
    }

    private TestDbContext NewContext() => new(new DbContextOptionsBuilder<TestDbContext>()
        .UseSqlite(connection)
        .AddInterceptors(new OutboxInterceptor(signal))
        .Options);

    private List<Guid> Drain()
    {
        var ids = new List<Guid>();
        while (signal.Reader.TryRead(out var id))
        {
            ids.Add(id);
        }

        return ids;
    }
}
