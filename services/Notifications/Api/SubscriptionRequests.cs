using System.Text.RegularExpressions;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Notifications.Webhooks;
using ForumPlatform.ServiceDefaults;

namespace ForumPlatform.Notifications.Api;

/// <summary>A subscription as its owner writes it. Omitted filter lists mean "no restriction".</summary>
public sealed partial record SubscriptionRequest(
    string Name,
    string Contact,
    IReadOnlyList<string> EventTypes,
    string? WebhookUrl = null,
    SubscriptionFilterRequest? Filter = null)
{
    private const int MaxEventTypes = 20;
    private const int MaxFilterValues = 50;

    /// <summary>
    /// Checks the request into <paramref name="errors"/>. A webhook URL passes the one URL rule and then
    /// <see cref="WebhookTargetGuard"/>, which resolves it, so this is asynchronous. A JSON body can leave out or null
    /// any field whatever its declared type, so the checks never trust a required field to be there.
    /// </summary>
    public async Task ValidateAsync(FieldErrors errors, WebhookTargetGuard guard, CancellationToken cancellationToken)
    {
        errors.Text("name", Name, 1, 200);
        errors.Text("contact", Contact, 1, 200);
        if (EventTypes is not { Count: >= 1 and <= MaxEventTypes })
        {
            errors.Add("eventTypes", $"1 to {MaxEventTypes} event types.");
        }

        var eventTypes = EventTypes ?? [];
        for (var i = 0; i < eventTypes.Count; i++)
        {
            if (eventTypes[i] is null)
            {
                errors.Add($"eventTypes[{i}]", "An event type is required here, not null.");
            }
            else if (!EventTypePattern.IsKnown(eventTypes[i]))
            {
                errors.Add($"eventTypes[{i}]", $"Unknown event type '{eventTypes[i]}'. Known: {string.Join(", ", Contracts.EventTypes.All)}; a prefix ending in '.*' matches several.");
            }
        }

        if (errors.Url("webhookUrl", WebhookUrl, maxLength: 2000) && NormalizedWebhookUrl is { } url
            && await guard.ExplainRefusalAsync(url, cancellationToken) is { } refusal)
        {
            errors.Add("webhookUrl", refusal);
        }

        var filter = Filter ?? new SubscriptionFilterRequest();
        CheckValues(errors, "filter.tags", filter.Tags, Slug(), "lower-case words and hyphens");
        CheckValues(errors, "filter.themes", filter.Themes, Slug(), "lower-case words and hyphens");
        CheckValues(errors, "filter.forums", filter.Forums, Slug(), "forum slugs");
        CheckValues(errors, "filter.tracks", filter.Tracks, Slug(), "track slugs");
        CheckValues(errors, "filter.indicatorCodes", filter.IndicatorCodes, IndicatorCode(), "codes like trade.total.usd");
        CheckValues(errors, "filter.languages", filter.Languages, Language(), "language tags like en, zh or ru");
        if (filter.SessionIds?.Count > MaxFilterValues)
        {
            errors.Add("filter.sessionIds", $"At most {MaxFilterValues} values.");
        }
    }

    public string? NormalizedWebhookUrl => string.IsNullOrWhiteSpace(WebhookUrl) ? null : WebhookUrl.Trim();

    public List<string> NormalizedEventTypes => EventTypes.Distinct(StringComparer.Ordinal).ToList();

    public SubscriptionFilter NormalizedFilter => Filter is null
        ? SubscriptionFilter.None
        : new SubscriptionFilter(
            Normalize(Filter.Tags), Normalize(Filter.Themes), Normalize(Filter.Forums), Normalize(Filter.Tracks),
            Filter.SessionIds?.Distinct().ToList() ?? [], Normalize(Filter.IndicatorCodes), Normalize(Filter.Languages));

    private static List<string> Normalize(IReadOnlyList<string>? values) =>
        values?.Select(value => value.Trim().ToLowerInvariant()).Distinct().ToList() ?? [];

    private static void CheckValues(FieldErrors errors, string field, IReadOnlyList<string>? values, Regex pattern, string expected)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count > MaxFilterValues)
        {
            errors.Add(field, $"At most {MaxFilterValues} values.");
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null || values[i].Length > 100 || !pattern.IsMatch(values[i].Trim().ToLowerInvariant()))
            {
                errors.Add($"{field}[{i}]", $"'{values[i]}' is not valid here; expected {expected}.");
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

/// <summary>
/// Each list narrows the events that carry that attribute (tags and themes: articles; forums: articles and the
/// agenda; tracks and session ids: sessions; indicator codes: indicators; languages: articles and sessions).
/// </summary>
public sealed record SubscriptionFilterRequest(
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? Themes = null,
    IReadOnlyList<string>? Forums = null,
    IReadOnlyList<string>? Tracks = null,
    IReadOnlyList<Guid>? SessionIds = null,
    IReadOnlyList<string>? IndicatorCodes = null,
    IReadOnlyList<string>? Languages = null);

/// <summary>Failed deliveries created since <see cref="Since"/> are sent again.</summary>
public sealed record RedeliverRequest(DateTimeOffset Since);
