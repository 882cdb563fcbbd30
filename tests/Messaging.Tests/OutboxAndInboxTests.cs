using ForumPlatform.Testing;
using MassTransit;
using RabbitMQ.Client;

namespace ForumPlatform.Messaging.Tests;

/// <summary>The outbox and inbox against a real RabbitMQ node and real SQLite files.</summary>
public sealed class OutboxAndInboxTests(BrokerFixture broker) : IClassFixture<BrokerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Committed_event_is_published_with_its_outbox_id_and_the_writers_trace()
    {
        await using var service = await TestService.StartAsync(broker.Node.ConnectionString);
        var published = TestService.NewEvent();

        string writerTraceId;
        using (var request = TestService.Requests.StartActivity("POST /articles/publish"))
        {
            Assert.NotNull(request);
            writerTraceId = request.TraceId.ToHexString();
            await service.WithDbAsync(async db =>
            {
                await using var write = await db.BeginWriteAsync(CancellationToken.None);
                db.Notes.Add(new Note { Text = "published" });
                db.AddEvent(published);
                await write.CommitAsync(CancellationToken.None);
            });
        }

        var effect = await Eventually.GetAsync(
            async () => (await service.EffectsOfAsync(published.EventId)).SingleOrDefault(), Patience, "the consumer's effect");
        Assert.Equal(writerTraceId, effect.TraceId);

        // The relay marks the row once the broker confirmed, which can come after the consumer already ran.
        var row = await Eventually.GetAsync(
            async () => await service.OutboxRowAsync(published.EventId) is { PublishedAt: not null } marked ? marked : null,
            Patience, "the outbox row to be marked published");
        Assert.Equal(1, row.Attempts); // published by the immediate path, first time
        var inbox = await service.WithDbAsync(db => Task.FromResult(db.InboxMessages.Single(m => m.MessageId == published.EventId)));
        Assert.Equal(service.QueueName, inbox.Consumer);
    }

    [Fact]
    public async Task Event_written_in_a_write_that_is_not_committed_is_never_published()
    {
        await using var service = await TestService.StartAsync(broker.Node.ConnectionString);
        var rolledBack = TestService.NewEvent("rolled back");
        var committed = TestService.NewEvent("committed afterwards");

        await service.WithDbAsync(async db =>
        {
            await using var write = await db.BeginWriteAsync(CancellationToken.None);
            db.Notes.Add(new Note { Text = "never stored" });
            db.AddEvent(rolledBack);
            await db.SaveChangesAsync();
            // Disposed without a commit: rolled back.
        });
        await service.WithDbAsync(async db =>
        {
            await using var write = await db.BeginWriteAsync(CancellationToken.None);
            db.AddEvent(committed);
            await write.CommitAsync(CancellationToken.None);
        });

        await Eventually.TrueAsync(
            async () => (await service.EffectsOfAsync(committed.EventId)).Count == 1, Patience, "the committed event");
        // Give a stray publish of the rolled-back event the same time again to arrive.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Empty(await service.EffectsOfAsync(rolledBack.EventId));
        Assert.Null(await service.OutboxRowAsync(rolledBack.EventId));
        Assert.Equal(0, await service.WithDbAsync(db => Task.FromResult(db.Notes.Count())));
    }

    [Fact]
    public async Task Same_message_delivered_twice_has_one_effect()
    {
        await using var service = await TestService.StartAsync(broker.Node.ConnectionString);
        var duplicated = TestService.NewEvent("delivered twice");
        var marker = TestService.NewEvent("marker");

        await service.Bus.Publish(duplicated, context => context.MessageId = duplicated.EventId);
        await service.Bus.Publish(duplicated, context => context.MessageId = duplicated.EventId);
        await service.Bus.Publish(marker, context => context.MessageId = marker.EventId);

        await Eventually.TrueAsync(
            async () => (await service.EffectsOfAsync(marker.EventId)).Count == 1, Patience, "the marker to be processed");
        await QueueDrainedAsync(service.QueueName);

        Assert.Single(await service.EffectsOfAsync(duplicated.EventId));
    }

    [Fact]
    public async Task After_commit_actions_of_a_failed_attempt_never_run_and_the_retry_runs_its_own()
    {
        // Holds because each retry gets a fresh scope (and DbContext); a failed attempt's actions go with its scope.
        await using var service = await TestService.StartAsync(broker.Node.ConnectionString);
        var retried = TestService.NewEvent(EffectConsumer.FailsOnceTitle);

        await service.Bus.Publish(retried, context => context.MessageId = retried.EventId);

        await Eventually.TrueAsync(
            async () => (await service.EffectsOfAsync(retried.EventId)).Count == 1, Patience, "the retried message to be processed");
        Assert.Equal(2, EffectConsumer.Attempts[retried.EventId]);
        Assert.Equal([(retried.EventId, 2)], EffectConsumer.AfterCommit.Where(action => action.EventId == retried.EventId));
    }

    [Fact]
    public async Task Inbox_records_past_their_retention_are_deleted_and_recent_ones_kept()
    {
        await using var service = await TestService.StartAsync(broker.Node.ConnectionString,
            settings: new Dictionary<string, string?> { ["Messaging:Outbox:InboxRetention"] = "00:00:08" });
        Task<bool> InInboxAsync(Guid eventId) => service.WithDbAsync(db => Task.FromResult(db.InboxMessages.Any(m => m.MessageId == eventId)));
        var old = TestService.NewEvent("processed long ago");
        await service.Bus.Publish(old, context => context.MessageId = old.EventId);
        await Eventually.TrueAsync(async () => (await service.EffectsOfAsync(old.EventId)).Count == 1, Patience, "the first message");

        // The second record is a second younger, so the sweep that deletes the first runs with the second present.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var recent = TestService.NewEvent("processed just now");
        await service.Bus.Publish(recent, context => context.MessageId = recent.EventId);
        await Eventually.TrueAsync(async () => (await service.EffectsOfAsync(recent.EventId)).Count == 1, Patience, "the second message");
        Assert.True(await InInboxAsync(old.EventId), "the first record went before its eight seconds of retention");

        await Eventually.TrueAsync(async () => !await InInboxAsync(old.EventId), Patience, "the expired inbox record to be deleted");
        Assert.True(await InInboxAsync(recent.EventId), "the sweep deleted a record within its retention");
    }

    [Fact]
    public async Task Message_that_keeps_failing_ends_in_the_error_queue()
    {
        await using var service = await TestService.StartAsync(broker.Node.ConnectionString);
        var poison = TestService.NewEvent(EffectConsumer.PoisonTitle);

        await service.Bus.Publish(poison, context => context.MessageId = poison.EventId);

        await Eventually.TrueAsync(
            async () => await MessagesInQueueAsync($"{service.QueueName}_error") == 1, Patience, "the poison message in the error queue");
        Assert.Empty(await service.EffectsOfAsync(poison.EventId));
    }

    private async Task QueueDrainedAsync(string queue) =>
        await Eventually.TrueAsync(async () => await MessagesInQueueAsync(queue) == 0, Patience, $"{queue} to be empty");

    private async Task<uint> MessagesInQueueAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(broker.Node.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return uint.MaxValue; // the queue does not exist (yet)
        }
    }
}
