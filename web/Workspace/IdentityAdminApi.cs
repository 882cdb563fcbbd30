using ForumPlatform.Web.Api;

namespace ForumPlatform.Web.Workspace;

/// <summary>The identity service's admin API (people, roles, locks, reset links, machine clients, the audit log), called with the admin's own token.</summary>
public sealed class IdentityAdminApi(PersonalApi api)
{
    private static string Person(string id) => $"/api/identity/people/{Uri.EscapeDataString(id)}";

    /// <summary>People by email; <paramref name="search"/> matches part of an email or a name.</summary>
    public Task<ApiResult<List<PersonRecord>>> PeopleAsync(string? search, CancellationToken cancellationToken) =>
        api.GetAsync<List<PersonRecord>>($"/api/identity/people?limit=1000{(string.IsNullOrWhiteSpace(search) ? "" : $"&search={Uri.EscapeDataString(search.Trim())}")}", cancellationToken);

    public Task<ApiResult<PersonRecord>> PersonAsync(string id, CancellationToken cancellationToken) =>
        api.GetAsync<PersonRecord>(Person(id), cancellationToken);

    /// <summary>Gives or takes away a role; taking one away ends the person's sign-in at the identity service.</summary>
    public Task<ApiResult<PersonRecord>> SetRoleAsync(string id, string role, bool give, CancellationToken cancellationToken) =>
        api.SendAsync<PersonRecord>(give ? HttpMethod.Put : HttpMethod.Delete, $"{Person(id)}/roles/{Uri.EscapeDataString(role)}", cancellationToken);

    /// <summary>Locks a person out (ending their sign-in) or lets them sign in again.</summary>
    public Task<ApiResult<PersonRecord>> SetLockedAsync(string id, bool locked, CancellationToken cancellationToken) =>
        api.SendAsync<PersonRecord>(HttpMethod.Post, $"{Person(id)}/{(locked ? "lock" : "unlock")}", cancellationToken);

    /// <summary>A one-time link, valid a day, for the person to set a new password (there is no e-mail: the admin hands it over).</summary>
    public Task<ApiResult<ResetLink>> ResetLinkAsync(string id, CancellationToken cancellationToken) =>
        api.SendAsync<ResetLink>(HttpMethod.Post, $"{Person(id)}/reset-link", cancellationToken);

    public Task<ApiResult<List<MachineClient>>> ClientsAsync(CancellationToken cancellationToken) =>
        api.GetAsync<List<MachineClient>>("/api/identity/clients", cancellationToken);

    /// <summary>Creates a machine client; the answer holds its secret, which is never shown again.</summary>
    public Task<ApiResult<CreatedMachineClient>> CreateClientAsync(string clientId, string displayName, IReadOnlyList<string> roles, CancellationToken cancellationToken) =>
        api.SendAsync<CreatedMachineClient>(HttpMethod.Post, "/api/identity/clients", cancellationToken, new { clientId, displayName, roles });

    public Task<ApiResult<object>> RevokeClientAsync(string clientId, CancellationToken cancellationToken) =>
        api.SendAsync<object>(HttpMethod.Delete, $"/api/identity/clients/{Uri.EscapeDataString(clientId)}", cancellationToken);

    /// <summary>The audit log, newest first, optionally of one subject and one kind; <paramref name="before"/> pages back by id.</summary>
    public Task<ApiResult<List<AuditRecord>>> AuditAsync(string? subject, string? kind, long? before, int limit, CancellationToken cancellationToken)
    {
        var query = new List<string> { $"limit={limit}" };
        if (!string.IsNullOrWhiteSpace(subject))
        {
            query.Add($"subject={Uri.EscapeDataString(subject.Trim())}");
        }

        if (!string.IsNullOrWhiteSpace(kind))
        {
            query.Add($"kind={Uri.EscapeDataString(kind)}");
        }

        if (before is { } id)
        {
            query.Add($"before={id}");
        }

        return api.GetAsync<List<AuditRecord>>($"/api/identity/audit?{string.Join('&', query)}", cancellationToken);
    }
}

public sealed record PersonRecord(
    string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool Locked, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

public sealed record ResetLink(Uri Link, DateTimeOffset Expires);

public sealed record MachineClient(string ClientId, string DisplayName, IReadOnlyList<string> Roles);

public sealed record CreatedMachineClient(string ClientId, string DisplayName, IReadOnlyList<string> Roles, string ClientSecret);

public sealed record AuditRecord(long Id, DateTimeOffset At, string Kind, string? Subject, string? Actor, string? Address, string? Detail);
