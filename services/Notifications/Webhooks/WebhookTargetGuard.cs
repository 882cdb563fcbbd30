using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Notifications.Webhooks;

/// <summary>
/// Server-side request forgery guard: a webhook may only reach public addresses. Checked when a subscription is
/// created or changed, and again on every connection (DNS answers can change after the check).
/// </summary>
public sealed class WebhookTargetGuard(IOptions<WebhookOptions> options)
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Why <paramref name="url"/> cannot be a webhook target, or null when it can.</summary>
    public async Task<string?> ExplainRefusalAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "Must be an absolute http or https URL.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "Must not carry a user name or password; authenticate the request by its signature.";
        }

        if (uri.Fragment.Length > 0)
        {
            return "Must not have a fragment.";
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ResolveTimeout);
            var addresses = await ResolveAsync(uri.IdnHost, timeout.Token);
            return RefusedAddress(addresses) is { } refused
                ? $"Resolves to {refused}, a private, loopback, link-local or otherwise internal address."
                : null;
        }
        catch (Exception exception) when (exception is SocketException or ArgumentException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return $"The host '{uri.Host}' could not be resolved.";
        }
    }

    /// <summary>Opens a connection for the webhook client, refusing internal addresses unless configured otherwise.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        if (RefusedAddress(addresses) is { } refused)
        {
            throw new WebhookTargetRefusedException(
                $"'{context.DnsEndPoint.Host}' resolves to {refused}, an internal address; webhooks only go to public addresses.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private IPAddress? RefusedAddress(IPAddress[] addresses) =>
        options.Value.AllowPrivateTargets ? null : addresses.FirstOrDefault(IsInternal);

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);

    /// <summary>
    /// Loopback, private (RFC 1918, unique local), carrier-grade NAT, link-local (cloud metadata lives at
    /// 169.254.169.254), unspecified, multicast, reserved and documentation ranges.
    /// </summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = address.GetAddressBytes();
            return bytes[0] switch
            {
                0 or 10 or 127 => true,
                100 => bytes[1] is >= 64 and <= 127,
                169 => bytes[1] == 254,
                172 => bytes[1] is >= 16 and <= 31,
                192 => (bytes[1] == 168) || (bytes[1] == 0 && bytes[2] is 0 or 2),
                198 => bytes[1] is 18 or 19 || (bytes[1] == 51 && bytes[2] == 100),
                203 => bytes[1] == 0 && bytes[2] == 113,
                >= 224 => true,
                _ => false,
            };
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast)
        {
            return true;
        }

        var v6 = address.GetAddressBytes();
        // 64:ff9b::/96 (NAT64) and 2002::/16 (6to4) embed an IPv4 address; 64:ff9b:1::/48 is local-use NAT64;
        // 2001:db8::/32 is documentation.
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b)
        {
            return (v6[4] == 0x00 && v6[5] == 0x01) || IsInternal(new IPAddress(v6[12..]));
        }

        if (v6[0] == 0x20 && v6[1] == 0x02)
        {
            return IsInternal(new IPAddress(v6[2..6]));
        }

        return v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8;
    }
}

/// <summary>A webhook URL resolved to an address the guard refuses.</summary>
public sealed class WebhookTargetRefusedException(string message) : Exception(message);
