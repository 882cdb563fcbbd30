using System.Threading.Channels;

namespace ForumPlatform.Messaging;

/// <summary>Tells the relay which outbox rows were just committed, so it publishes them without polling.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<Guid> committed = Channel.CreateUnbounded<Guid>(
        new UnboundedChannelOptions { SingleReader = true });

    internal void Committed(IEnumerable<Guid> outboxIds)
    {
        foreach (var id in outboxIds)
        {
            committed.Writer.TryWrite(id);
        }
    }

    internal ChannelReader<Guid> Reader => committed.Reader;
}
