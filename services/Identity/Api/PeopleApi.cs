using System.Security.Claims;
using ForumPlatform.Identity.Data;
using ForumPlatform.Identity.People;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Identity.Api;

public sealed record PersonResponse(
    string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool Locked, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

public sealed record ResetLinkResponse(Uri Link, DateTimeOffset Expires);

/// <summary>People and their roles, for admins: list, grant and remove roles, lock and unlock, create reset links.</summary>
public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/people").WithTags("People").RequireAuthorization(IdentityApi.AdminPolicy);
        api.MapGet("", ListPeople).WithName("ListPeople")
            .WithSummary("People with their roles, by email; search matches email or name.");
        api.MapGet("/{id}", GetPerson).WithName("GetPerson").WithSummary("One person.");
        api.MapPut("/{id}/roles/{role}", GrantRole).WithName("GrantRole")
            .WithSummary("Gives a person a role (editor, organizer, analyst, admin).");
        api.MapDelete("/{id}/roles/{role}", RemoveRole).WithName("RemoveRole")
            .WithSummary("Takes a role away; the person's refresh tokens are revoked, their access token ends within its lifetime.");
        api.MapPost("/{id}/lock", Lock).WithName("LockPerson")
            .WithSummary("Locks a person out; their refresh tokens are revoked, their access token ends within its lifetime.");
        api.MapPost("/{id}/unlock", Unlock).WithName("UnlockPerson").WithSummary("Lets a locked person sign in again.");
        api.MapPost("/{id}/reset-link", CreateResetLink).WithName("CreateResetLink")
            .WithSummary("A one-time link, valid 24 hours, for the person to set a new password (there is no e-mail: hand it over).");
        return api;
    }

    private static async Task<Ok<List<PersonResponse>>> ListPeople(
        string? search, int? limit, IdentityDb db, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{search.Trim()}%";
            query = query.Where(user => EF.Functions.Like(user.Email!, pattern) || EF.Functions.Like(user.DisplayName, pattern));
        }

        var people = await query.OrderBy(user => user.NormalizedEmail).Take(Math.Clamp(limit ?? 100, 1, 1000)).ToListAsync(cancellationToken);
        var ids = people.Select(user => user.Id).ToList();
        var roles = await (from userRole in db.UserRoles
                           where ids.Contains(userRole.UserId)
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(entry => entry.UserId, entry => entry.Name!);
        return TypedResults.Ok(people.Select(user => Response(user, [.. byUser[user.Id].Order(StringComparer.Ordinal)])).ToList());
    }

    private static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> GetPerson(string id, UserManager<ForumUser> users)
    {
        var user = await users.FindByIdAsync(id);
        return user is null ? NoSuchPerson(id) : TypedResults.Ok(Response(user, [.. await users.GetRolesAsync(user)]));
    }

    private static Task<Results<Ok<PersonResponse>, ProblemHttpResult, ValidationProblem>> GrantRole(
        string id, string role, HttpContext http, Accounts accounts, UserManager<ForumUser> users, CancellationToken cancellationToken) =>
        ChangeRoleAsync(id, role, http, users, (user, actor) => accounts.GrantRoleAsync(user, role, actor, http, cancellationToken));

    private static Task<Results<Ok<PersonResponse>, ProblemHttpResult, ValidationProblem>> RemoveRole(
        string id, string role, HttpContext http, Accounts accounts, UserManager<ForumUser> users, CancellationToken cancellationToken) =>
        ChangeRoleAsync(id, role, http, users, (user, actor) => accounts.RemoveRoleAsync(user, role, actor, http, cancellationToken));

    private static async Task<Results<Ok<PersonResponse>, ProblemHttpResult, ValidationProblem>> ChangeRoleAsync(
        string id, string role, HttpContext http, UserManager<ForumUser> users, Func<ForumUser, string, Task<IdentityResult>> change)
    {
        if (!ForumRoles.All.Contains(role))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["role"] = [$"'{role}' is no role; the roles are {string.Join(", ", ForumRoles.All)}."],
            });
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NoSuchPerson(id);
        }

        var result = await change(user, IdentityApi.Actor(http));
        return result.Succeeded ? TypedResults.Ok(Response(user, [.. await users.GetRolesAsync(user)])) : IdentityApi.Conflict(result);
    }

    private static Task<Results<Ok<PersonResponse>, ProblemHttpResult>> Lock(
        string id, HttpContext http, Accounts accounts, UserManager<ForumUser> users, CancellationToken cancellationToken) =>
        SetLockAsync(id, users, user => accounts.LockAsync(user, IdentityApi.Actor(http), http, cancellationToken));

    private static Task<Results<Ok<PersonResponse>, ProblemHttpResult>> Unlock(
        string id, HttpContext http, Accounts accounts, UserManager<ForumUser> users, CancellationToken cancellationToken) =>
        SetLockAsync(id, users, user => accounts.UnlockAsync(user, IdentityApi.Actor(http), http, cancellationToken));

    private static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> SetLockAsync(
        string id, UserManager<ForumUser> users, Func<ForumUser, Task<IdentityResult>> change)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NoSuchPerson(id);
        }

        var result = await change(user);
        return result.Succeeded ? TypedResults.Ok(Response(user, [.. await users.GetRolesAsync(user)])) : IdentityApi.Conflict(result);
    }

    private static async Task<Results<Ok<ResetLinkResponse>, ProblemHttpResult>> CreateResetLink(
        string id, HttpContext http, Accounts accounts, UserManager<ForumUser> users, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NoSuchPerson(id);
        }

        var (link, expires) = await accounts.CreateResetLinkAsync(user, new Uri($"{http.Request.Scheme}://{http.Request.Host}/"), IdentityApi.Actor(http), http, cancellationToken);
        return TypedResults.Ok(new ResetLinkResponse(link, expires));
    }

    private static PersonResponse Response(ForumUser user, IReadOnlyList<string> roles)
    {
        var locked = user.LockoutEnd > DateTimeOffset.UtcNow;
        return new PersonResponse(user.Id, user.Email!, user.DisplayName, roles, locked, locked ? user.LockoutEnd : null, user.CreatedAt);
    }

    private static ProblemHttpResult NoSuchPerson(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such person.", detail: $"No account has the id '{id}'.");
}

/// <summary>What the admin API's groups share.</summary>
internal static class IdentityApi
{
    /// <summary>Admins with a bearer token: the service's pages use its cookie, its API only tokens.</summary>
    public const string AdminPolicy = "identity-admin";

    /// <summary>Who made the request: the token's subject (a person's id or a client's id).</summary>
    public static string Actor(HttpContext http) => http.User.FindFirstValue("sub") ?? "unknown";

    /// <summary>A change refused: it would leave no admin, or the account changed meanwhile (its concurrency stamp moved).</summary>
    public static ProblemHttpResult Conflict(IdentityResult result) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "The change was refused.",
        detail: string.Join(" ", result.Errors.Select(error => error.Description)));
}
