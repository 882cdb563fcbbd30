using ForumPlatform.Contracts;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Notifications.LiveStream;
using ForumPlatform.Notifications.Webhooks;
using Microsoft.Extensions.Options;

namespace ForumPlatform.UnitTests;

public sealed class NotificationStreamTests
{
    private static LiveNotification Sample(int n) => new(new ReceivedEvent
    {
        Id = Guid.CreateVersion7(),
        Type = EventTypes.ArticlePublished,
        Source = "/articles",
        Subject = $"articles/sample-{n}",
        Data = "{}",
        Facts = new NotificationFacts(EventTypes.ArticlePublished),
    }, new EncodedEvent("{}"u8.ToArray()));

    [Fact]
    public async Task A_listener_that_falls_behind_is_cut_off_without_holding_up_the_others()
    {
        var stream = new NotificationStream(Options.Create(new StreamOptions { ListenerBuffer = 3 }));
        using var slow = stream.Listen();
        using var keen = stream.Listen();

        for (var i = 0; i < 5; i++)
        {
            stream.Publish(Sample(i));
            Assert.True(keen.Reader.TryRead(out _));
        }

        Assert.Equal(1, stream.ListenerCount);
        var buffered = 0;
        var closed = await Assert.ThrowsAsync<System.Threading.Channels.ChannelClosedException>(async () =>
        {
            while (true)
            {
                await slow.Reader.ReadAsync();
                buffered++;
            }
        });
        Assert.Equal(3, buffered);
        Assert.IsType<ListenerTooSlowException>(closed.InnerException);
    }
}
