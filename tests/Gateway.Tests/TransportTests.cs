using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Gateway.Tests;

/// <summary>
/// Gateway:Transport reaches Kestrel's socket transport. (The gateway tests in <see cref="GatewayTests"/> run with
/// its default, inline scheduling, so limits, timeouts and errors are checked in that mode.)
/// </summary>
public sealed class TransportTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Inline_scheduling_is_on_unless_configured_off(string? setting, bool expected)
    {
        var builder = WebApplication.CreateBuilder();
        if (setting is not null)
        {
            builder.Configuration["Gateway:Transport:InlineScheduling"] = setting;
        }

        builder.AddGatewayTransport();
        using var app = builder.Build();

        Assert.Equal(expected, app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
    }
}
