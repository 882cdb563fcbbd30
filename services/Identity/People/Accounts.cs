using ForumPlatform.Identity.Data;
using ForumPlatform.Identity.Server;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace ForumPlatform.Identity.People;

/// <summary>
/// What admins (and the create-admin command) do to people: roles, locks, reset links. Every change is audited; a
/// lock or a removed role also revokes the person's refresh tokens and ends their sign-in here, so no new access token
/// is issued with the old rights. An access token already issued stays valid until it expires (15 minutes by default):
/// validators check its signature, not a list of revoked tokens.
/// </summary>
public sealed class Accounts(
    UserManager<ForumUser> users,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    AuditLog audit,
    IOptions<IdentityServerOptions> options)
{
    /// <summary>How long a reset link works; it works once, as setting a password changes the account's security stamp.</summary>
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(24);

    public async Task<IdentityResult> GrantRoleAsync(ForumUser user, string role, string actor, HttpContext? http, CancellationToken cancellationToken)
    {
        if (await users.IsInRoleAsync(user, role))
        {
            return IdentityResult.Success;
        }

        var result = await users.AddToRoleAsync(user, role);
        if (result.Succeeded)
        {
            await audit.AddAsync(AuditKinds.RoleGranted, user.Id, actor, http, role, cancellationToken);
        }

        return result;
    }

    public async Task<IdentityResult> RemoveRoleAsync(ForumUser user, string role, string actor, HttpContext? http, CancellationToken cancellationToken)
    {
        if (!await users.IsInRoleAsync(user, role))
        {
            return IdentityResult.Success;
        }

        if (role == ForumRoles.Admin && await IsLastAdminAsync(user))
        {
            return LastAdmin();
        }

        var result = await users.RemoveFromRoleAsync(user, role);
        if (result.Succeeded)
        {
            await EndSessionsAsync(user, cancellationToken);
            await audit.AddAsync(AuditKinds.RoleRemoved, user.Id, actor, http, role, cancellationToken);
        }

        return result;
    }

    public async Task<IdentityResult> LockAsync(ForumUser user, string actor, HttpContext? http, CancellationToken cancellationToken)
    {
        if (await IsLastAdminAsync(user))
        {
            return LastAdmin();
        }

        var result = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        if (result.Succeeded)
        {
            await EndSessionsAsync(user, cancellationToken);
            await audit.AddAsync(AuditKinds.AccountLocked, user.Id, actor, http, null, cancellationToken);
        }

        return result;
    }

    public async Task<IdentityResult> UnlockAsync(ForumUser user, string actor, HttpContext? http, CancellationToken cancellationToken)
    {
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            await audit.AddAsync(AuditKinds.AccountUnlocked, user.Id, actor, http, null, cancellationToken);
        }

        return result;
    }

    /// <summary>A one-time link to set a new password (there is no e-mail: the admin hands it over).</summary>
    public async Task<(Uri Link, DateTimeOffset Expires)> CreateResetLinkAsync(ForumUser user, Uri baseAddress, string actor, HttpContext? http, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var issuer = options.Value.Issuer ?? baseAddress;
        var link = new Uri(issuer, $"account/reset-password?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
        await audit.AddAsync(AuditKinds.ResetLinkCreated, user.Id, actor, http, null, cancellationToken);
        return (link, DateTimeOffset.UtcNow + ResetLinkLifetime);
    }

    /// <summary>Whether <paramref name="user"/> is the only admin who can sign in: without them nobody could manage people.</summary>
    private async Task<bool> IsLastAdminAsync(ForumUser user)
    {
        var admins = await users.GetUsersInRoleAsync(ForumRoles.Admin);
        return admins.Any(admin => admin.Id == user.Id)
            && !admins.Any(admin => admin.Id != user.Id && !(admin.LockoutEnd > DateTimeOffset.UtcNow));
    }

    private static IdentityResult LastAdmin() => IdentityResult.Failed(new IdentityError
    {
        Code = "LastAdmin",
        Description = "This is the last admin who can sign in; make another admin first.",
    });

    /// <summary>Revokes every refresh token and authorization of the person and ends their sign-in cookie at its next check.</summary>
    public async Task EndSessionsAsync(ForumUser user, CancellationToken cancellationToken)
    {
        await tokens.RevokeBySubjectAsync(user.Id, cancellationToken);
        await authorizations.RevokeBySubjectAsync(user.Id, cancellationToken);
        await users.UpdateSecurityStampAsync(user);
    }
}
