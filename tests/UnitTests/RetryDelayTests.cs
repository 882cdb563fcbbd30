using ForumPlatform.Messaging;

namespace ForumPlatform.UnitTests;

public sealed class RetryDelayTests
{
    [Fact]
    public void Delay_doubles_per_attempt_with_jitter_and_is_capped()
    {
        var options = new OutboxOptions { FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromMinutes(5) };

        for (var i = 0; i < 100; i++)
        {
            var first = options.RetryDelay(1);
            Assert.InRange(first, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
            var fourth = options.RetryDelay(4);
            Assert.InRange(fourth, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
            Assert.InRange(options.RetryDelay(60), TimeSpan.FromMinutes(2.5), TimeSpan.FromMinutes(5));
        }
    }
}
