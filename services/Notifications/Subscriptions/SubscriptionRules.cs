using System.Text.RegularExpressions;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Notifications.Webhooks;

namespace ForumPlatform.Notifications.Subscriptions;

/// <summary>Checks a subscription request and turns it into stored values; every refusal names its field.</summary>
public static partial class SubscriptionRules
{
    private const int MaxFilterValues = 50;

    public static async Task<Dictionary<string, string[]>> ValidateAsync(
        SubscriptionRequest request, WebhookTargetGuard guard, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < request.EventTypes.Count; i++)
        {
            if (request.EventTypes[i] is null)
            {
                errors[$"eventTypes[{i}]"] = ["An event type is required here, not null."];
            }
            else if (!EventTypePattern.IsKnown(request.EventTypes[i]))
            {
                errors[$"eventTypes[{i}]"] = [$"Unknown event type '{request.EventTypes[i]}'. Known: {string.Join(", ", Contracts.EventTypes.All)}; a prefix ending in '.*' matches several."];
            }
        }

        if (!string.IsNullOrWhiteSpace(request.WebhookUrl) && await guard.ExplainRefusalAsync(request.WebhookUrl.Trim(), cancellationToken) is { } refusal)
        {
            errors["webhookUrl"] = [refusal];
        }

        var filter = request.Filter ?? new SubscriptionFilterRequest();
        CheckValues(errors, "filter.tags", filter.Tags, Slug(), "lower-case words and hyphens");
        CheckValues(errors, "filter.themes", filter.Themes, Slug(), "lower-case words and hyphens");
        CheckValues(errors, "filter.forums", filter.Forums, Slug(), "forum slugs");
        CheckValues(errors, "filter.tracks", filter.Tracks, Slug(), "track slugs");
        CheckValues(errors, "filter.indicatorCodes", filter.IndicatorCodes, IndicatorCode(), "codes like trade.total.usd");
        CheckValues(errors, "filter.languages", filter.Languages, Language(), "language tags like en, zh or ru");
        if (filter.SessionIds?.Count > MaxFilterValues)
        {
            errors["filter.sessionIds"] = [$"At most {MaxFilterValues} values."];
        }

        return errors;
    }

    public static SubscriptionFilter ToFilter(SubscriptionFilterRequest? filter) => filter is null
        ? SubscriptionFilter.None
        : new SubscriptionFilter(
            Normalize(filter.Tags), Normalize(filter.Themes), Normalize(filter.Forums), Normalize(filter.Tracks),
            filter.SessionIds?.Distinct().ToList() ?? [], Normalize(filter.IndicatorCodes), Normalize(filter.Languages));

    public static List<string> NormalizeEventTypes(IEnumerable<string> eventTypes) => eventTypes.Distinct(StringComparer.Ordinal).ToList();

    public static string? NormalizeUrl(string? url) => string.IsNullOrWhiteSpace(url) ? null : url.Trim();

    private static List<string> Normalize(IReadOnlyList<string>? values) =>
        values?.Select(value => value.Trim().ToLowerInvariant()).Distinct().ToList() ?? [];

    private static void CheckValues(Dictionary<string, string[]> errors, string field, IReadOnlyList<string>? values, Regex pattern, string expected)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count > MaxFilterValues)
        {
            errors[field] = [$"At most {MaxFilterValues} values."];
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null || values[i].Length > 100 || !pattern.IsMatch(values[i].Trim().ToLowerInvariant()))
            {
                errors[$"{field}[{i}]"] = [$"'{values[i]}' is not valid here; expected {expected}."];
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    /// <summary>The pattern statistics defines codes by, so every code it can emit can be asked for.</summary>
    [GeneratedRegex(Contracts.IndicatorCodes.Pattern)]
    private static partial Regex IndicatorCode();

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})*$")]
    private static partial Regex Language();
}
