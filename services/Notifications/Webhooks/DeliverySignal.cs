using System.Threading.Channels;

namespace ForumPlatform.Notifications.Webhooks;

/// <summary>
/// Wakes the dispatcher when deliveries become due (new ones committed, a slot freed, a redelivery), and hands it
/// freshly committed deliveries with all they need, so the first attempt does not wait for a database round trip.
/// What does not fit in the hand-over buffer is found by the dispatcher's query instead.
/// </summary>
public sealed class DeliverySignal : WakeSignal
{
    private readonly Channel<FreshDelivery> handedOver = Channel.CreateBounded<FreshDelivery>(
        new BoundedChannelOptions(20_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Deliveries committed a moment ago; call only after the commit.</summary>
    public void HandOver(IEnumerable<FreshDelivery> deliveries)
    {
        foreach (var delivery in deliveries)
        {
            handedOver.Writer.TryWrite(delivery);
        }

        Wake();
    }

    internal bool TryTakeHandedOver(out FreshDelivery delivery) => handedOver.Reader.TryRead(out delivery!);
}

/// <summary>A committed delivery and its encoded event, ready to send; <see cref="HandedOverAt"/> is its commit.</summary>
public sealed record FreshDelivery(DueDelivery Delivery, EncodedEvent Body, DateTimeOffset HandedOverAt);
