using ForumPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Articles.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IdleCollection
{
    public const string Name = "Articles idle, alone";
}

/// <summary>
/// An idle service sends no trace: the scheduler (every 0.2 s here) and the outbox relay look for work untraced, so
/// a request's trace is not buried under polling. Runs alone, since the recorder hears every activity in the process.
/// </summary>
[Collection(IdleCollection.Name)]
public sealed class IdleTraceTests
{
    [Fact]
    public async Task An_idle_articles_service_sends_no_trace_and_scheduled_publishing_is_one_named_trace()
    {
        IAsyncLifetime lifetime = new ArticlesServiceFixture();
        await lifetime.InitializeAsync();
        try
        {
            await RecordAsync((ArticlesServiceFixture)lifetime);
        }
        finally
        {
            await lifetime.DisposeAsync();
        }
    }

    private static async Task RecordAsync(ArticlesServiceFixture service)
    {
        await service.WaitUntilReadyAsync();
        // Start-up work first: the demo articles' events go out through the relay.
        await Eventually.TrueAsync(
            () => service.WithDbAsync(db => db.OutboxMessages.AllAsync(message => message.PublishedAt != null)),
            TimeSpan.FromSeconds(30), "the demo articles' events to be published");
        using var recorder = new TraceRecorder();

        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.True(recorder.Traces.Count == 0, $"An idle service sent traces: {recorder.Describe()}");

        // Work does leave a trace, under its name: an article scheduled a moment ahead is published by the scheduler.
        var newsroom = new Newsroom(service.Editor());
        var draft = await newsroom.CreateAsync(Newsroom.Draft("Scheduled while watching traces"));
        await newsroom.TransitionAsync(draft, "schedule", new { publishAt = DateTimeOffset.UtcNow.AddSeconds(1) });
        await Eventually.TrueAsync(
            () => Task.FromResult(recorder.Traces.Any(trace => trace.DisplayName == "scheduled publishing")),
            TimeSpan.FromSeconds(15), "the scheduled publishing trace");
    }
}
