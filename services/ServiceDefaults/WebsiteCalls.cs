namespace ForumPlatform.ServiceDefaults;

/// <summary>What the website and the gateway agree on for the calls the website makes on behalf of its visitors.</summary>
public static class WebsiteCalls
{
    /// <summary>
    /// The visitor's address, sent by the website with its own token. The gateway believes it from that token only and
    /// counts the call against the visitor, so rate limits stay per visitor.
    /// </summary>
    public const string VisitorHeader = "X-Forum-Visitor";
}
