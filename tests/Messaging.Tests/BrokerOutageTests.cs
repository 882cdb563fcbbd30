using ForumPlatform.Testing;

namespace ForumPlatform.Messaging.Tests;

/// <summary>A broker restart in the middle of a service's life; this class owns its node.</summary>
public sealed class BrokerOutageTests
{
    [Fact]
    public async Task Event_whose_publish_failed_while_the_broker_was_down_is_sent_once_it_is_back()
    {
        await using var node = await RabbitMqNode.StartNewAsync();
        await using var service = await TestService.StartAsync(node.ConnectionString);

        await node.StopAsync();
        var written = TestService.NewEvent("written during the outage");
        await service.WithDbAsync(async db =>
        {
            await using var write = await db.BeginWriteAsync(CancellationToken.None);
            db.AddEvent(written);
            await write.CommitAsync(CancellationToken.None);
        });

        var failed = await Eventually.GetAsync(
            async () => await service.OutboxRowAsync(written.EventId) is { Attempts: > 0, PublishedAt: null } row ? row : null,
            TimeSpan.FromSeconds(20), "a failed publish attempt");
        Assert.NotNull(failed.LastError);

        await node.StartAsync();

        var effect = await Eventually.GetAsync(
            async () => (await service.EffectsOfAsync(written.EventId)).SingleOrDefault(),
            TimeSpan.FromSeconds(60), "the re-sent event to be consumed");
        Assert.Equal(written.Title, effect.Title);
        // The relay marks the row once the broker confirmed, which can come after the consumer already ran.
        await Eventually.TrueAsync(async () => (await service.OutboxRowAsync(written.EventId))?.PublishedAt is not null,
            TimeSpan.FromSeconds(20), "the re-sent row to be marked published");
    }
}
