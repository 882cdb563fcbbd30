using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ForumPlatform.Identity.Data;
using ForumPlatform.Identity.People;
using ForumPlatform.Identity.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Identity.Pages.Account;

/// <summary>
/// Sign-in with email and password. Every refusal reads the same (unknown account, wrong password, locked out), so
/// the page never tells whether an account exists; every refusal costs one password hash, so the time does not tell.
/// </summary>
public sealed class SignInModel(
    SignInManager<ForumUser> signIns,
    UserManager<ForumUser> users,
    SignInLimiter limiter,
    AuditLog audit,
    IOptions<IdentityServerOptions> options,
    IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly ForumUser Nobody = new() { Id = "nobody" };
    private static readonly string NobodysHash = new PasswordHasher<ForumUser>().HashPassword(Nobody, Guid.NewGuid().ToString());

    [BindProperty]
    public SignInForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public bool RegistrationOpen => options.Value.AllowRegistration;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (!limiter.TryAttempt(address, Form.Email, out var retryAfter))
        {
            Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            Error = text["Too many sign-in attempts. Try again in a few minutes."];
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }

        var user = await users.FindByEmailAsync(Form.Email);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash, Form.Password);
            await audit.AddAsync(AuditKinds.SignInFailed, null, null, HttpContext, $"no account for {Form.Email}", cancellationToken);
            return Refused();
        }

        var result = await signIns.PasswordSignInAsync(user, Form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut || result.IsNotAllowed || user.PasswordHash is null)
        {
            // Identity answers these without hashing the password (a locked account, one that has no password yet);
            // hash one anyway, so the time tells nothing either.
            users.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash, Form.Password);
        }

        if (result.Succeeded)
        {
            await audit.AddAsync(AuditKinds.SignIn, user.Id, user.Id, HttpContext, null, cancellationToken);
            return LocalRedirect(ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account");
        }

        await audit.AddAsync(result.IsLockedOut ? AuditKinds.LockedOut : AuditKinds.SignInFailed, user.Id, user.Id, HttpContext,
            result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong password", cancellationToken);
        return Refused();
    }

    private PageResult Refused()
    {
        Error = text["The email or password is not right, or the account cannot sign in now."];
        return Page();
    }

    public sealed class SignInForm
    {
        [Required(ErrorMessage = "Enter your email.")]
        [EmailAddress(ErrorMessage = "Enter an email address.")]
        [MaxLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [MaxLength(256)]
        public string Password { get; set; } = "";
    }
}
