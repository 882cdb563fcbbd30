using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ForumPlatform.AppHost.Broker;

/// <summary>
/// Healthy once the broker speaks AMQP: it answers the protocol header with a Connection.Start frame.
/// A bare TCP connect is not enough, since the port opens before the broker has booted.
/// </summary>
internal sealed class AmqpHandshakeHealthCheck(IPAddress address, int port) : IHealthCheck
{
    private static readonly byte[] ProtocolHeader = "AMQP\0\0\x09\x01"u8.ToArray();
    private const byte MethodFrame = 1;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
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
            var read = await stream.ReadAsync(reply, timeout.Token);
            return read == 1 && reply[0] == MethodFrame
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The broker did not answer the AMQP handshake.");
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"No AMQP broker on {address}:{port} yet: {exception.Message}");
        }
    }
}
