using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Identity.Data;

/// <summary>
/// One thing that happened to an account or a client: a sign-in, a failure, a lockout, a role or client change.
/// Kept so an admin can tell who did what and when.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>What happened, e.g. <c>sign-in</c>, <c>sign-in-failed</c>, <c>role-granted</c> (<see cref="AuditKinds"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>The account or client it happened to (user id or client id), when known.</summary>
    public string? Subject { get; set; }

    /// <summary>Who did it: the user id or client id of an admin, or the subject itself.</summary>
    public string? Actor { get; set; }

    /// <summary>The remote address of the request, when there was one.</summary>
    public string? Address { get; set; }

    /// <summary>Details in words (the role granted, the client created, why a sign-in failed).</summary>
    public string? Detail { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditEntries");
        entry.Property(e => e.Kind).HasMaxLength(40);
        entry.Property(e => e.Subject).HasMaxLength(200);
        entry.Property(e => e.Actor).HasMaxLength(200);
        entry.Property(e => e.Address).HasMaxLength(64);
        entry.Property(e => e.Detail).HasMaxLength(1000);
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.Subject, e.At });
    }
}

/// <summary>The kinds of <see cref="AuditEntry"/>.</summary>
public static class AuditKinds
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string PasswordChanged = "password-changed";
    public const string RoleGranted = "role-granted";
    public const string RoleRemoved = "role-removed";
    public const string AccountCreated = "account-created";
    public const string AccountDeleted = "account-deleted";
    public const string AccountLocked = "account-locked";
    public const string AccountUnlocked = "account-unlocked";
    public const string ResetLinkCreated = "reset-link-created";
    public const string PasswordReset = "password-reset";
    public const string ClientCreated = "client-created";
    public const string ClientRevoked = "client-revoked";
}
