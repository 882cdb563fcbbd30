namespace ForumPlatform.AppHost;

public static class TokenAuthorityExtensions
{
    /// <summary>
    /// Makes a process validate bearer tokens against the identity service (<c>Auth:Authority</c>): metadata and keys
    /// come from the identity service's own address, not through the gateway, so no process waits on the gateway.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTokenAuthority(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<ProjectResource> identity) =>
        service.WithEnvironment("Auth__Authority", identity.GetEndpoint("http"));
}
