namespace ForumPlatform.Testing;

/// <summary>Made-up client addresses, so each test's caller is a visitor of its own to the gateway's and identity's per-address limits.</summary>
public static class VisitorAddresses
{
    /// <summary>An address in 10.0.0.0/8, sent as <c>X-Forwarded-For</c> (believed from loopback).</summary>
    public static string New() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";
}
