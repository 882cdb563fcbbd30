using System.ComponentModel.DataAnnotations;

namespace ForumPlatform.Identity.Pages.Account;

/// <summary>A new password, typed twice.</summary>
public sealed class NewPasswordForm
{
    [Required(ErrorMessage = "Enter a password.")]
    [StringLength(256, MinimumLength = 12, ErrorMessage = "At least 12 characters.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    public string Confirmation { get; set; } = "";
}
