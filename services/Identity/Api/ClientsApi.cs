using System.Text.RegularExpressions;
using ForumPlatform.Identity.Data;
using ForumPlatform.Identity.People;
using ForumPlatform.Identity.Server;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ForumPlatform.Identity.Api;

/// <summary>A machine client to create: its id (letters, digits, '-', '.', '_'), a name people recognise, its roles.</summary>
public sealed record ClientRequest(string? ClientId, string? DisplayName, IReadOnlyList<string?>? Roles);

public sealed record ClientResponse(string ClientId, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>The secret is shown once, here; only its hash is kept.</summary>
public sealed record CreatedClientResponse(string ClientId, string DisplayName, IReadOnlyList<string> Roles, string ClientSecret);

/// <summary>Machine clients (client credentials), for admins: list, create with a secret shown once, revoke.</summary>
public static partial class ClientsApi
{
    public static RouteGroupBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/clients").WithTags("Clients").RequireAuthorization(IdentityApi.AdminPolicy);
        api.MapGet("", ListClients).WithName("ListClients").WithSummary("Every machine client with its roles.");
        api.MapPost("", CreateClient).WithName("CreateClient")
            .WithSummary("Creates a machine client; its secret is in this answer only (it is stored hashed).");
        api.MapDelete("/{clientId}", RevokeClient).WithName("RevokeClient")
            .WithSummary("Deletes a machine client and its tokens; access tokens it holds end within their lifetime.");
        return api;
    }

    private static async Task<Ok<List<ClientResponse>>> ListClients(
        IOpenIddictApplicationManager applications, MachineClients clients, CancellationToken cancellationToken)
    {
        var list = new List<ClientResponse>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await clients.IsMachineClientAsync(application, cancellationToken))
            {
                list.Add(new ClientResponse(
                    (await applications.GetClientIdAsync(application, cancellationToken))!,
                    await applications.GetDisplayNameAsync(application, cancellationToken) ?? "",
                    await clients.RolesOfAsync(application, cancellationToken)));
            }
        }

        return TypedResults.Ok(list.OrderBy(client => client.ClientId, StringComparer.Ordinal).ToList());
    }

    private static async Task<Results<Created<CreatedClientResponse>, ValidationProblem, ProblemHttpResult>> CreateClient(
        ClientRequest request, HttpContext http, IOpenIddictApplicationManager applications, MachineClients clients, AuditLog audit,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ClientId is null || !ClientIdPattern().IsMatch(request.ClientId))
        {
            errors["clientId"] = ["Required: 3 to 100 letters, digits, '-', '.' or '_', starting with a letter or digit."];
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 200 || !StoredText.IsStorable(request.DisplayName))
        {
            errors["displayName"] = ["Required: 1 to 200 characters of text."];
        }

        var roles = request.Roles ?? [];
        if (roles.Any(role => role is null || !ForumRoles.All.Contains(role)))
        {
            errors["roles"] = [$"Each role is one of {string.Join(", ", ForumRoles.All)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await applications.FindByClientIdAsync(request.ClientId!, cancellationToken) is not null)
        {
            return ClientIdTaken(request.ClientId!);
        }

        var secret = SecretTokens.New(); // OpenIddict keeps only its hash, as the services keep theirs
        var granted = roles.Select(role => role!).Distinct(StringComparer.Ordinal).ToList();
        try
        {
            await clients.CreateAsync(request.ClientId!, request.DisplayName!.Trim(), secret, granted, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Created by a concurrent request since the check above: the unique index refused this one.
            return ClientIdTaken(request.ClientId!);
        }

        await audit.AddAsync(AuditKinds.ClientCreated, request.ClientId, IdentityApi.Actor(http), http,
            $"roles: {(granted.Count == 0 ? "none" : string.Join(", ", granted))}", cancellationToken);
        return TypedResults.Created($"/api/identity/clients/{request.ClientId}",
            new CreatedClientResponse(request.ClientId!, request.DisplayName.Trim(), granted, secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeClient(
        string clientId, HttpContext http, IOpenIddictApplicationManager applications, MachineClients clients, AuditLog audit,
        CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null || !await clients.IsMachineClientAsync(application, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such machine client.", detail: $"No machine client has the id '{clientId}'.");
        }

        // Deleting the application deletes its authorizations and tokens with it.
        await applications.DeleteAsync(application, cancellationToken);
        await audit.AddAsync(AuditKinds.ClientRevoked, clientId, IdentityApi.Actor(http), http, null, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult ClientIdTaken(string clientId) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "The client id is taken.",
        detail: $"A client '{clientId}' exists; revoke it first or choose another id.");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{2,99}$")]
    private static partial Regex ClientIdPattern();
}
