using ForumPlatform.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace ForumPlatform.Identity.People;

/// <summary>What typing one's password to confirm a change (a new password, deleting the account) came to.</summary>
public enum PasswordConfirmed
{
    Right,
    Wrong,

    /// <summary>Too many attempts from this address or at this account for now.</summary>
    Limited,
}

/// <summary>
/// Checks the password a signed-in person types to confirm a change as a sign-in is checked: within the sign-in
/// limits, and counted towards lockout, so a stolen session cannot be used to guess it.
/// </summary>
public sealed class PasswordConfirmation(SignInManager<ForumUser> signIns, SignInLimiter limiter)
{
    public async Task<PasswordConfirmed> CheckAsync(HttpContext http, ForumUser user, string password)
    {
        if (!limiter.TryAttempt(http.Connection.RemoteIpAddress?.ToString(), user.Email!, out _))
        {
            return PasswordConfirmed.Limited;
        }

        var result = await signIns.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? PasswordConfirmed.Right : PasswordConfirmed.Wrong;
    }
}
