using System.ComponentModel.DataAnnotations;
using ForumPlatform.Identity.Data;
using ForumPlatform.Identity.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumPlatform.Identity.Pages.Account;

/// <summary>A person deletes their own account, after typing their password (see <see cref="AccountDeletion"/>).</summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class DeleteModel(
    UserManager<ForumUser> users,
    SignInManager<ForumUser> signIns,
    PasswordConfirmation passwords,
    AccountDeletion deletion,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    [MaxLength(256)]
    public string Password { get; set; } = "";

    public string? Error { get; private set; }

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

        switch (await passwords.CheckAsync(HttpContext, user, Password))
        {
            case PasswordConfirmed.Limited:
                Error = text["Too many sign-in attempts. Try again in a few minutes."];
                return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
            case PasswordConfirmed.Wrong:
                Error = text["The password is not right."];
                return Page();
        }

        var result = await deletion.DeleteAsync(user, HttpContext, cancellationToken);
        if (!result.Succeeded)
        {
            Error = string.Join(" ", result.Errors.Select(error => error.Description));
            return Page();
        }

        await signIns.SignOutAsync();
        return RedirectToPage("/Account/SignOut");
    }
}
