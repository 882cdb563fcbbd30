using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Statistics.Data;

/// <summary>One upload that was stored (dry runs and rejected uploads leave no record), with what it did.</summary>
public sealed class IndicatorImport
{
    public Guid Id { get; init; }

    public DateTimeOffset ImportedAt { get; init; }

    /// <summary>Subject of the analyst's token.</summary>
    public string? ImportedBy { get; init; }

    /// <summary>The analyst's name as their token gave it, so the history names people.</summary>
    public string? ImportedByName { get; init; }

    /// <summary><c>csv</c> or <c>json</c>.</summary>
    public required string Format { get; init; }

    public int Rows { get; init; }

    public int Inserted { get; init; }

    public int Changed { get; init; }

    public int Unchanged { get; init; }
}

internal sealed class IndicatorImportConfiguration : IEntityTypeConfiguration<IndicatorImport>
{
    public void Configure(EntityTypeBuilder<IndicatorImport> builder)
    {
        builder.HasKey(import => import.Id);
        builder.HasIndex(import => import.ImportedAt);
        builder.Property(import => import.ImportedBy).HasMaxLength(200);
        builder.Property(import => import.ImportedByName).HasMaxLength(200);
        builder.Property(import => import.Format).HasMaxLength(10);
    }
}
