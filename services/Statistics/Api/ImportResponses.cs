namespace ForumPlatform.Statistics.Api;

public sealed record ImportResponse(
    Guid Id, DateTimeOffset ImportedAt, string? ImportedBy, string? ImportedByName, string Format, int Rows, int Inserted, int Changed, int Unchanged);
