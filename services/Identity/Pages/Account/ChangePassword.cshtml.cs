using System.ComponentModel.DataAnnotations;
using ForumPlatform.Identity.Data;
using ForumPlatform.Identity.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumPlatform.Identity.Pages.Account;

/// <summary>A signed-in person changes their password; their other sessions and refresh tokens end.</summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class ChangePasswordModel(
    UserManager<ForumUser> users,
    SignInManager<ForumUser> signIns,
    PasswordConfirmation passwords,
    Accounts accounts,
    AuditLog audit,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    [MaxLength(256)]
    public string Current { get; set; } = "";

    [BindProperty]
    public NewPasswordForm Form { get; set; } = new();

    public string? Error { get; private set; }

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        switch (await passwords.CheckAsync(HttpContext, user, Current))
        {
            case PasswordConfirmed.Limited:
                Error = text["Too many sign-in attempts. Try again in a few minutes."];
                return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
            case PasswordConfirmed.Wrong:
                Error = text["The current password is not right."];
                return Page();
        }

        var result = await users.ChangePasswordAsync(user, Current, Form.Password);
        if (!result.Succeeded)
        {
            Error = string.Join(" ", result.Errors.Select(error => text[error.Description].Value));
            return Page();
        }

        await accounts.EndSessionsAsync(user, cancellationToken);
        await signIns.RefreshSignInAsync(user);
        await audit.AddAsync(AuditKinds.PasswordChanged, user.Id, user.Id, HttpContext, null, cancellationToken);
        Done = true;
        return Page();
    }
}
