using Microsoft.AspNetCore.Identity;

namespace ForumPlatform.Identity.Data;

/// <summary>A person who signs in: staff with roles, or a reader with none (for the personal agenda).</summary>
public sealed class ForumUser : IdentityUser
{
    /// <summary>The name shown in the website and put in tokens (<c>name</c>).</summary>
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
