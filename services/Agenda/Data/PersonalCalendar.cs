using ForumPlatform.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Agenda.Data;

/// <summary>
/// A person's iCalendar feed of their starred sessions, at a secret address calendar apps poll without signing in.
/// Only the hash of the address's token is kept: the address is shown once, and a new one replaces it.
/// </summary>
public sealed class PersonalCalendar
{
    public const int MaxSubjectLength = 200;

    public required string Subject { get; init; }

    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A new secret for the feed's address: 32 random bytes, URL-safe.</summary>
    public static string NewToken() => SecretTokens.New();

    public static string Hash(string token) => SecretTokens.Hash(token);
}

internal sealed class PersonalCalendarConfiguration : IEntityTypeConfiguration<PersonalCalendar>
{
    public void Configure(EntityTypeBuilder<PersonalCalendar> builder)
    {
        builder.HasKey(calendar => calendar.Subject);
        builder.Property(calendar => calendar.Subject).HasMaxLength(PersonalCalendar.MaxSubjectLength);
        builder.Property(calendar => calendar.TokenHash).HasMaxLength(64);
        builder.HasIndex(calendar => calendar.TokenHash).IsUnique();
    }
}
