using ForumPlatform.Notifications.Webhooks;
using Microsoft.Extensions.Options;

namespace ForumPlatform.UnitTests;

public sealed class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly RetryPolicy Policy = new(Options.Create(new WebhookOptions
    {
        RetrySchedule = [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5)],
        Jitter = 0.2,
    }));

    private static AttemptResult Answer(int? status, string? retryAfter = null) =>
        new(Now, TimeSpan.Zero, status, status is null ? "connection refused" : null, retryAfter is null ? null : TimeSpan.Parse(retryAfter));

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    public void Success_is_delivered(int status) => Assert.IsType<AttemptVerdict.Delivered>(Policy.Judge(Answer(status), 1, Now));

    [Theory]
    [InlineData(null)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void Transient_failures_are_retried_on_the_schedule_with_jitter(int? status)
    {
        var retry = Assert.IsType<AttemptVerdict.RetryAt>(Policy.Judge(Answer(status), 1, Now));
        Assert.InRange(retry.When, Now.AddSeconds(4), Now.AddSeconds(6));
        var second = Assert.IsType<AttemptVerdict.RetryAt>(Policy.Judge(Answer(status), 2, Now));
        Assert.InRange(second.When, Now.AddMinutes(4), Now.AddMinutes(6));
    }

    [Fact]
    public void Retry_after_wins_when_longer_than_the_schedule() =>
        Assert.Equal(Now.AddMinutes(10), Assert.IsType<AttemptVerdict.RetryAt>(Policy.Judge(Answer(503, "00:10:00"), 1, Now)).When);

    [Fact]
    public void Running_out_of_schedule_gives_up_and_disables()
    {
        var verdict = Assert.IsType<AttemptVerdict.GiveUp>(Policy.Judge(Answer(500), 3, Now));
        Assert.Contains("HTTP 500", verdict.DisableSubscription);
    }

    [Fact]
    public void Gone_disables_at_once() =>
        Assert.NotNull(Assert.IsType<AttemptVerdict.GiveUp>(Policy.Judge(Answer(410), 1, Now)).DisableSubscription);

    [Theory]
    [InlineData(301)]
    [InlineData(400)]
    [InlineData(404)]
    public void Other_answers_fail_the_delivery_without_disabling(int status) =>
        Assert.Null(Assert.IsType<AttemptVerdict.GiveUp>(Policy.Judge(Answer(status), 1, Now)).DisableSubscription);
}

public sealed class WebhookSignatureTests
{
    [Fact]
    public void During_a_rotation_the_header_carries_one_valid_signature_per_secret()
    {
        var (current, previous) = (Notifications.Data.Subscription.NewSecret(), Notifications.Data.Subscription.NewSecret());
        var timestamp = DateTimeOffset.UtcNow;
        const string body = """{"specversion":"1.0"}""";
        var signatures = WebhookSender.Sign("msg_1", timestamp, body, [current, previous]).Split(' ');

        Assert.Equal(2, signatures.Length);
        Assert.True(Verifies(current, "msg_1", signatures[0]));
        Assert.True(Verifies(previous, "msg_1", signatures[1]));
        Assert.False(Verifies(current, "msg_1", signatures[1]));
        Assert.False(Verifies(current, "msg_2", signatures[0]));

        bool Verifies(string secret, string id, string signature)
        {
            var headers = new Microsoft.AspNetCore.Http.HeaderDictionary
            {
                ["webhook-id"] = id,
                ["webhook-timestamp"] = timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["webhook-signature"] = signature,
            };
            try
            {
                new StandardWebhooks.StandardWebhook(secret).Verify(body, headers);
                return true;
            }
            catch (StandardWebhooks.Diagnostics.WebhookVerificationException)
            {
                return false;
            }
        }
    }
}
