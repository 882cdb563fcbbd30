using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Database;

/// <summary>
/// Values stored as one JSON text column (camelCase), for small owned data such as an article's sources or a
/// session's speakers, that is read and written with its row and never queried by its parts.
/// </summary>
public static class JsonColumns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A list, compared element by element so EF notices changes to it.</summary>
    public static PropertyBuilder<List<T>> HasJsonConversion<T>(this PropertyBuilder<List<T>> property) =>
        property.HasConversion(
            list => JsonSerializer.Serialize(list, Json),
            json => JsonSerializer.Deserialize<List<T>>(json, Json) ?? new List<T>(),
            new ValueComparer<List<T>>(
                (left, right) => left!.SequenceEqual(right!),
                list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                list => list.ToList()));

    /// <summary>An immutable value (a record), replaced as a whole when it changes.</summary>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property) where T : class =>
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Json),
            json => JsonSerializer.Deserialize<T>(json, Json)!);
}
