using System.Threading.Channels;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Notifications.Webhooks;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Notifications.LiveStream;

/// <summary>Live stream settings (section <c>Notifications:Stream</c>).</summary>
public sealed class StreamOptions
{
    public const string SectionName = "Notifications:Stream";

    /// <summary>How far back <c>Last-Event-ID</c> can resume; older positions get a <c>gap</c> event and only what is retained.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Events read from the database per query while replaying.</summary>
    public int ReplayPageSize { get; set; } = 1_000;

    /// <summary>Events buffered for one listener; a listener that falls this far behind is disconnected.</summary>
    public int ListenerBuffer { get; set; } = 1_000;

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// Hands every committed notification to the live listeners. Writing never waits: a listener whose buffer is
/// full is cut off (it reconnects with <c>Last-Event-ID</c> and catches up from the database), so one slow
/// reader cannot hold up the others or the consumers.
/// </summary>
public sealed class NotificationStream(IOptions<StreamOptions> options)
{
    private readonly Lock listenersLock = new();
    private readonly List<Listener> listeners = [];

    public int ListenerCount
    {
        get
        {
            lock (listenersLock)
            {
                return listeners.Count;
            }
        }
    }

    public void Publish(LiveNotification notification)
    {
        Listener[] current;
        lock (listenersLock)
        {
            current = [.. listeners];
        }

        foreach (var listener in current)
        {
            if (!listener.Events.Writer.TryWrite(notification))
            {
                listener.Events.Writer.TryComplete(new ListenerTooSlowException());
                Remove(listener);
            }
        }
    }

    /// <summary>Starts buffering live events for one listener; dispose it when the listener leaves.</summary>
    public Listener Listen()
    {
        var listener = new Listener(this, Channel.CreateBounded<LiveNotification>(new BoundedChannelOptions(options.Value.ListenerBuffer)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        }));
        lock (listenersLock)
        {
            listeners.Add(listener);
        }

        return listener;
    }

    private void Remove(Listener listener)
    {
        lock (listenersLock)
        {
            listeners.Remove(listener);
        }
    }

    public sealed class Listener(NotificationStream stream, Channel<LiveNotification> events) : IDisposable
    {
        internal Channel<LiveNotification> Events { get; } = events;

        public ChannelReader<LiveNotification> Reader => Events.Reader;

        public void Dispose() => stream.Remove(this);
    }
}

/// <summary>A committed notification with its CloudEvent, encoded once for every listener.</summary>
public sealed record LiveNotification(ReceivedEvent Event, EncodedEvent Body);

public sealed class ListenerTooSlowException() : Exception("The listener fell too far behind and was disconnected; reconnect with Last-Event-ID.");
