using System.Net;
using ForumPlatform.Notifications.Webhooks;
using Microsoft.Extensions.Options;

namespace ForumPlatform.UnitTests;

/// <summary>Webhook URLs may not reach into the service's own network, at creation or when sending.</summary>
public sealed class WebhookTargetGuardTests
{
    private static readonly WebhookTargetGuard Strict = new(Options.Create(new WebhookOptions { AllowPrivateTargets = false }));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.100.100.200")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("224.0.0.1")]
    [InlineData("2002:a9fe:a9fe::1")]
    [InlineData("64:ff9b:1::8.8.8.8")]
    public void Internal_addresses_are_recognised(string address) =>
        Assert.True(WebhookTargetGuard.IsInternal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("203.0.114.1")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2002:0808:0808::1")]
    [InlineData("64:ff9b::808:808")]
    public void Public_addresses_pass(string address) =>
        Assert.False(WebhookTargetGuard.IsInternal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://10.0.0.5:8080/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]:5000/hook")]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("https://[::ffff:192.168.0.1]/hook")]
    public async Task Internal_targets_are_refused_at_creation(string url) =>
        Assert.Contains("internal address", await Strict.ExplainRefusalAsync(url, CancellationToken.None));

    [Theory]
    [InlineData("ftp://example.org/hook")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/hook")]
    public async Task Only_absolute_http_urls_are_accepted(string url) =>
        Assert.Contains("http", await Strict.ExplainRefusalAsync(url, CancellationToken.None));

    [Fact]
    public async Task Sending_checks_again_so_a_name_that_now_resolves_to_loopback_is_not_reached()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var sender = new WebhookSender(Strict, Options.Create(new WebhookOptions()), TimeProvider.System);

        var result = await sender.SendAsync($"http://localhost:{port}/hook", "msg_1", [Notifications.Data.Subscription.NewSecret()],
            new EncodedEvent("{}"u8.ToArray()), CancellationToken.None);

        Assert.Null(result.StatusCode);
        Assert.Contains("internal address", result.Error);
        Assert.False(listener.Pending(), "a connection reached the loopback listener");
    }

    [Fact]
    public async Task Configuration_can_allow_private_targets_for_development()
    {
        var relaxed = new WebhookTargetGuard(Options.Create(new WebhookOptions { AllowPrivateTargets = true }));
        Assert.Null(await relaxed.ExplainRefusalAsync("http://127.0.0.1:5000/hook", CancellationToken.None));
    }
}
