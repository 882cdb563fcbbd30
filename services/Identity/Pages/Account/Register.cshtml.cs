using System.ComponentModel.DataAnnotations;
using ForumPlatform.Identity.Data;
using ForumPlatform.Identity.People;
using ForumPlatform.Identity.Server;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Identity.Pages.Account;

/// <summary>
/// A reader creates an account of their own, with no role (<c>Identity:AllowRegistration</c> turns this off). Without
/// e-mail verification a registration cannot hide that an email is taken (it would otherwise sign the reader in), so it
/// says only that the account cannot be created, and counts against the sign-in limits like a sign-in.
/// </summary>
public sealed class RegisterModel(
    UserManager<ForumUser> users,
    SignInManager<ForumUser> signIns,
    SignInLimiter limiter,
    AuditLog audit,
    IOptions<IdentityServerOptions> options,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your name.")]
    [MaxLength(100, ErrorMessage = "At most 100 characters.")]
    public string Name { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter your email.")]
    [EmailAddress(ErrorMessage = "Enter an email address.")]
    [MaxLength(256)]
    public string Email { get; set; } = "";

    [BindProperty]
    public NewPasswordForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Open => options.Value.AllowRegistration;

    public string? Error { get; private set; }

    public IActionResult OnGet() => Open ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Open)
        {
            return NotFound();
        }

        if (!StoredText.IsStorable(Name))
        {
            ModelState.AddModelError(nameof(Name), text["Enter your name."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Registrations count against the sign-in limits: the same guard against scripted account creation.
        if (!limiter.TryAttempt(HttpContext.Connection.RemoteIpAddress?.ToString(), Email, out _))
        {
            Error = text["Too many sign-in attempts. Try again in a few minutes."];
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }

        var user = new ForumUser { UserName = Email, Email = Email, DisplayName = Name.Trim(), CreatedAt = DateTimeOffset.UtcNow };
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user, Form.Password);
        }
        catch (DbUpdateException)
        {
            // Two registrations of one email at once: the unique index refused the second.
            result = IdentityResult.Failed(users.ErrorDescriber.DuplicateEmail(Email));
        }

        if (!result.Succeeded)
        {
            var taken = result.Errors.Any(error => error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName));
            Error = taken
                ? text["This account cannot be created. If it is yours, sign in, or ask an admin for a reset link."]
                : string.Join(" ", result.Errors.Select(error => text[error.Description].Value));
            return Page();
        }

        await audit.AddAsync(AuditKinds.AccountCreated, user.Id, user.Id, HttpContext, "registered", cancellationToken);
        await signIns.SignInAsync(user, isPersistent: false);
        return LocalRedirect(ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account");
    }
}
