using ForumPlatform.Database;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ForumPlatform.Messaging;

/// <summary>
/// Runs a consumer inside one <see cref="DatabaseWrite"/> together with its inbox record. A message id the
/// endpoint has already processed is acknowledged without running the consumer again. So consumers never save:
/// they change the scoped DbContext (and may add outbox events), and this filter commits the write they run in.
/// </summary>
internal sealed partial class InboxFilter<TMessage>(
    MessagingDbContext db,
    TimeProvider clock,
    ILogger<InboxFilter<TMessage>> logger) : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} message arrived without a message id.");
        var consumer = context.ReceiveContext.InputAddress.AbsolutePath.Trim('/');
        var cancellationToken = context.CancellationToken;

        // Each attempt (retries included) starts from a clean change tracker.
        db.ChangeTracker.Clear();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var seen = await db.InboxMessages.AnyAsync(
            message => message.MessageId == messageId && message.Consumer == consumer, cancellationToken);
        if (seen)
        {
            LogDuplicate(messageId, typeof(TMessage).Name, consumer);
            return;
        }

        await next.Send(context);

        db.InboxMessages.Add(new InboxMessage
        {
            MessageId = messageId,
            Consumer = consumer,
            MessageType = typeof(TMessage).FullName!,
            ProcessedAt = clock.GetUtcNow(),
        });
        await write.CommitAsync(cancellationToken);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");

    [LoggerMessage(LogLevel.Information, "Message {MessageId} ({MessageType}) was already processed by {Consumer}; skipped")]
    private partial void LogDuplicate(Guid messageId, string messageType, string consumer);
}
