using ForumPlatform.Identity.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumPlatform.Identity.Pages.Account;

/// <summary>Who is signed in, and the way out.</summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class IndexModel(UserManager<ForumUser> users) : PageModel
{
    public string Name { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        Name = user is null ? "" : $"{user.DisplayName} ({user.Email})";
    }
}
