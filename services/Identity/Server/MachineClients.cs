using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ForumPlatform.Identity.Server;

/// <summary>
/// Clients of the platform: the website (authorization code with PKCE for the people it signs in, client credentials for
/// its own reads) and machine clients (client credentials), whose roles are kept on the client
/// (<see cref="RolesProperty"/>) and put in every token it gets.
/// </summary>
public sealed class MachineClients(IOpenIddictApplicationManager applications)
{
    public const string RolesProperty = "roles";

    /// <summary>Creates or updates the website's client from configuration: its redirect URIs change with every run.</summary>
    public async Task RegisterWebClientAsync(WebClientOptions web, string? developmentSecret, CancellationToken cancellationToken)
    {
        if (web.RedirectUris.Count == 0)
        {
            return;
        }

        var secret = web.ClientSecret ?? developmentSecret
            ?? throw new InvalidOperationException(
                "Identity:WebClient:ClientSecret is not set: the website's client needs a secret outside Development.");

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = web.ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = web.DisplayName,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                // Its own token (no roles) for what it reads on behalf of visitors; the gateway knows it by its subject.
                Permissions.GrantTypes.ClientCredentials,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
                Permissions.Scopes.Roles,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.RedirectUris.UnionWith(web.RedirectUris);
        descriptor.PostLogoutRedirectUris.UnionWith(web.PostLogoutRedirectUris);

        if (await applications.FindByClientIdAsync(web.ClientId, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }

    /// <summary>Creates a machine client with roles; the secret is stored hashed (OpenIddict hashes it) and cannot be read back.</summary>
    public async Task<object> CreateAsync(string clientId, string displayName, string secret, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
        };
        descriptor.Properties[RolesProperty] = JsonSerializer.SerializeToElement(roles);
        return await applications.CreateAsync(descriptor, cancellationToken);
    }

    /// <summary>
    /// Whether a client is a machine client the admin API manages: client credentials only. The website also has that
    /// grant but is configured, not created through the API, so the API neither lists nor deletes it.
    /// </summary>
    public async Task<bool> IsMachineClientAsync(object application, CancellationToken cancellationToken) =>
        await applications.HasPermissionAsync(application, Permissions.GrantTypes.ClientCredentials, cancellationToken)
        && !await applications.HasPermissionAsync(application, Permissions.GrantTypes.AuthorizationCode, cancellationToken);

    /// <summary>The roles a client was given (none for the website: its tokens carry the person's roles).</summary>
    public async Task<IReadOnlyList<string>> RolesOfAsync(object application, CancellationToken cancellationToken)
    {
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        return properties.TryGetValue(RolesProperty, out var roles) && roles.ValueKind == JsonValueKind.Array
            ? [.. roles.EnumerateArray().Select(role => role.GetString()!).Where(ForumRoles.All.Contains)]
            : [];
    }
}
