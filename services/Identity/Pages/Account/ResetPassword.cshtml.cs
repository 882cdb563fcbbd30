using ForumPlatform.Identity.Data;
using ForumPlatform.Identity.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumPlatform.Identity.Pages.Account;

/// <summary>
/// Sets a new password with a one-time link an admin created. A link that is wrong, used or expired reads the same
/// as one for an account that does not exist.
/// </summary>
public sealed class ResetPasswordModel(UserManager<ForumUser> users, Accounts accounts, AuditLog audit, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public NewPasswordForm Form { get; set; } = new();

    public string? Error { get; private set; }

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        var result = user is null || Token is null
            ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken())
            : await users.ResetPasswordAsync(user, Token, Form.Password);
        if (!result.Succeeded)
        {
            Error = result.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? text["This link does not work: it was used, it expired, or it is not whole. Ask an admin for a new one."]
                : string.Join(" ", result.Errors.Select(error => text[error.Description].Value));
            return Page();
        }

        await accounts.EndSessionsAsync(user!, cancellationToken);
        await audit.AddAsync(AuditKinds.PasswordReset, user!.Id, user.Id, HttpContext, null, cancellationToken);
        Done = true;
        return Page();
    }
}
