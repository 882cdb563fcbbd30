namespace ForumPlatform.Notifications.Webhooks;

/// <summary>
/// Wakes the dispatcher when deliveries may have become due: new ones committed, a send finished, a redelivery, a
/// resume. Whoever writes delivery rows wakes it after the commit (<c>db.OnCommitted(signal.Wake)</c>); the dispatcher
/// then asks the database what is due.
/// </summary>
public sealed class DeliverySignal : WakeSignal;
