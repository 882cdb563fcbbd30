using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ForumPlatform.AppHost.Broker;

/// <summary>
/// Healthy once the broker speaks AMQP: it answers the protocol header with a Connection.Start frame.
/// A bare TCP connect is not enough, since the port opens before the broker has booted.
/// </summary>
public sealed class AmqpHandshakeHealthCheck(IPAddress address, int port) : IHealthCheck
{
    private static readonly byte[] ProtocolHeader = "AMQP\0\0\x09\x01"u8.ToArray();
    private const byte MethodFrame = 1;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await AnswersAsync(address, port, cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"No AMQP broker answers on {address}:{port} yet.");

    /// <summary>Whether an AMQP 0-9-1 broker answers the handshake on the address within two seconds.</summary>
    public static async Task<bool> AnswersAsync(IPAddress address, int port, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            using var client = new TcpClient();
            await client.ConnectAsync(address, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(ProtocolHeader, timeout.Token);
            var reply = new byte[1];
            return await stream.ReadAsync(reply, timeout.Token) == 1 && reply[0] == MethodFrame;
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }
}
