using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Notifications.Data;

/// <summary>One HTTP attempt of a delivery, as the delivery log shows it.</summary>
public sealed class DeliveryAttempt
{
    public long Id { get; init; }

    public Guid DeliveryId { get; init; }

    public int Number { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public double DurationMilliseconds { get; init; }

    public int? StatusCode { get; init; }

    public string? Error { get; init; }

    /// <summary>The start of the subscriber's answer (at most 500 characters).</summary>
    public string? ResponseExcerpt { get; init; }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> builder)
    {
        builder.HasKey(attempt => attempt.Id);
        builder.HasIndex(attempt => attempt.DeliveryId);
        builder.Property(attempt => attempt.Error).HasMaxLength(500);
        builder.Property(attempt => attempt.ResponseExcerpt).HasMaxLength(500);
    }
}
