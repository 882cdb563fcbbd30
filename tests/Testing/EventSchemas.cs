using System.Text.Json;
using Json.Schema;

namespace ForumPlatform.Testing;

/// <summary>Checks events' <c>data</c> against the JSON Schemas of the notifications service's event catalog.</summary>
public static class EventSchemas
{
    /// <summary>What <paramref name="schema"/> finds wrong with <paramref name="data"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(JsonElement schema, JsonElement data)
    {
        var result = JsonSchema.FromText(schema.GetRawText()).Evaluate(data, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(detail => detail.Errors is not null)
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key} {error.Value}"))
                .DefaultIfEmpty("invalid")];
    }
}
