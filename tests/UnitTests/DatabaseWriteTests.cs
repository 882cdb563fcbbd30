using ForumPlatform.Messaging;
using ForumPlatform.Messaging.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.UnitTests;

/// <summary>
/// The one way to write (<c>BeginWriteAsync</c>): changes and outbox events are saved and announced at commit only,
/// a write left uncommitted leaves nothing behind, and writes to one file take turns.
/// </summary>
public sealed class DatabaseWriteTests : IAsyncLifetime
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "forumplatform-tests", $"writes-{Guid.NewGuid():N}.db");
    private readonly OutboxSignal signal = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Events_are_announced_to_the_relay_at_commit_not_before()
    {
        var published = TestService.NewEvent();
        await using var db = NewContext();
        await using var write = await db.BeginWriteAsync(CancellationToken.None);
        db.AddEvent(published);
        await db.SaveChangesAsync(); // flushed inside the write: still not committed
        Assert.Empty(Drain());

        await write.CommitAsync(CancellationToken.None);

        Assert.Equal([published.EventId], Drain());
        await using var other = NewContext();
        Assert.True(await other.OutboxMessages.AnyAsync(message => message.Id == published.EventId));
    }

    [Fact]
    public async Task A_write_left_uncommitted_stores_announces_and_keeps_nothing()
    {
        await using var db = NewContext();
        await using (await db.BeginWriteAsync(CancellationToken.None))
        {
            db.Notes.Add(new Note { Text = "never stored" });
            db.AddEvent(TestService.NewEvent());
            await db.SaveChangesAsync();
        }

        // The next write on the same context must not carry the abandoned changes along.
        await using (var write = await db.BeginWriteAsync(CancellationToken.None))
        {
            db.Notes.Add(new Note { Text = "stored" });
            await write.CommitAsync(CancellationToken.None);
        }

        Assert.Empty(Drain());
        await using var other = NewContext();
        Assert.Equal(["stored"], await other.Notes.Select(note => note.Text).ToListAsync());
        Assert.False(await other.OutboxMessages.AnyAsync());
    }

    [Fact]
    public async Task Saving_outside_a_write_is_refused()
    {
        await using var db = NewContext();
        db.Notes.Add(new Note { Text = "outside" });

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("BeginWriteAsync", refusal.Message);
    }

    [Fact]
    public async Task A_second_write_to_the_same_file_waits_for_the_first_to_end()
    {
        await using var first = NewContext();
        await using var second = NewContext();
        var firstWrite = await first.BeginWriteAsync(CancellationToken.None);

        var secondBegins = second.BeginWriteAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        Assert.False(secondBegins.IsCompleted);

        first.Notes.Add(new Note { Text = "first" });
        await firstWrite.CommitAsync(CancellationToken.None);
        await firstWrite.DisposeAsync();
        await using var secondWrite = await secondBegins.WaitAsync(TimeSpan.FromSeconds(10));
        // The second write sees what the first committed: a check inside it cannot miss the first's row.
        Assert.True(await second.Notes.AnyAsync(note => note.Text == "first"));
    }

    private TestDbContext NewContext() => new(
        new DbContextOptionsBuilder<TestDbContext>().UseSqlite($"Data Source={path}").Options, signal);

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
