using ForumPlatform.Identity.Data;
using ForumPlatform.Identity.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumPlatform.Identity.Pages.Account;

/// <summary>Signs out of the identity service (a POST with its anti-forgery token, so no other site can sign anyone out).</summary>
public sealed class SignOutModel(SignInManager<ForumUser> signIns, UserManager<ForumUser> users, AuditLog audit) : PageModel
{
    /// <summary>Whether someone is signed in: they are asked to confirm, as a GET must not sign anyone out.</summary>
    public bool SignedIn => signIns.IsSignedIn(User);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var subject = users.GetUserId(User);
        await signIns.SignOutAsync();
        if (subject is not null)
        {
            await audit.AddAsync(AuditKinds.SignOut, subject, subject, HttpContext, null, cancellationToken);
        }

        return RedirectToPage();
    }
}
