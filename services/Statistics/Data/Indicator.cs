using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Statistics.Data;

/// <summary>How often an indicator is observed; it fixes the shape of its periods.</summary>
public enum Frequency
{
    /// <summary>Periods like <c>2024</c>.</summary>
    Annual,

    /// <summary>Periods like <c>2024-Q3</c>.</summary>
    Quarterly,

    /// <summary>Periods like <c>2024-07</c>.</summary>
    Monthly,
}

/// <summary>
/// An economic indicator, e.g. <c>trade.total.usd</c>. A stored value <c>v</c> means <c>v × 10^Scale</c> of
/// <see cref="Unit"/>: trade in billions of US dollars is unit <c>USD</c>, scale 9.
/// </summary>
public sealed class Indicator
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    public required string Unit { get; set; }

    public int Scale { get; set; }

    public string? Description { get; set; }

    public required string SourceOrganization { get; set; }

    public string? SourceUrl { get; set; }

    public Frequency Frequency { get; set; }

    /// <summary>Invented for the demo rather than taken from a published source.</summary>
    public bool IsSampleData { get; set; }

    /// <summary>When the definition last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// How many observations the indicator has and when one was last stored, kept by imports in their transaction:
    /// the page header of an unfiltered query would otherwise count a million rows.
    /// </summary>
    public int ObservationCount { get; set; }

    public DateTimeOffset? ObservationsUpdatedAt { get; set; }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.HasKey(indicator => indicator.Code);
        builder.Property(indicator => indicator.Code).HasMaxLength(IndicatorLimits.Code);
        builder.Property(indicator => indicator.Name).HasMaxLength(IndicatorLimits.Name);
        builder.Property(indicator => indicator.Unit).HasMaxLength(IndicatorLimits.Unit);
        builder.Property(indicator => indicator.Description).HasMaxLength(IndicatorLimits.Description);
        builder.Property(indicator => indicator.SourceOrganization).HasMaxLength(IndicatorLimits.Name);
        builder.Property(indicator => indicator.SourceUrl).HasMaxLength(IndicatorLimits.Url);
        builder.Property(indicator => indicator.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(indicator => indicator.ObservationCount).HasDefaultValue(0);
    }
}

/// <summary>Field lengths, shared by the model and the API's validation.</summary>
public static class IndicatorLimits
{
    public const int Code = 100;
    public const int Name = 200;
    public const int Unit = 40;
    public const int Description = 2000;
    public const int Url = 2000;
    public const int Note = 500;
    public const int MaxScale = 15;

    /// <summary>
    /// The largest value (before its scale) an import accepts either side of zero, and its most decimals. Within
    /// them, sums over partners, changes and chart axes stay inside <see cref="decimal"/>'s range (7.9E28 at most, 28
    /// decimals); a percentage of a near-zero base still may not, and is then given as none.
    /// </summary>
    public const decimal MaxValue = 1E15m;

    public const int MaxValueDecimals = 10;
}
