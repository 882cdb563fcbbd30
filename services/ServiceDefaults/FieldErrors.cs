using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ForumPlatform.ServiceDefaults;

/// <summary>
/// How every service refuses a request: all that is wrong with it at once, each message under the JSON field it
/// concerns (<c>title</c>, <c>sources[1].url</c>, <c>filter.tags[0]</c>), answered as a 400 problem details.
/// A request record checks itself into one of these; the handler answers <see cref="ToProblem"/> when any.
/// </summary>
public sealed class FieldErrors
{
    public const string UrlRefusal = "Must be an absolute http or https URL.";

    private readonly Dictionary<string, string[]> errors = [];

    public bool Any => errors.Count > 0;

    public bool Has(string field) => errors.ContainsKey(field);

    public void Add(string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    /// <summary>
    /// Text of <paramref name="min"/> to <paramref name="max"/> characters once trimmed (a minimum of 1 or more makes
    /// it required), that every export can carry. True when it passes.
    /// </summary>
    public bool Text(string field, string? value, int min, int max)
    {
        var length = value?.Trim().Length ?? 0;
        if (length < min || length > max)
        {
            Add(field, (min, length) switch
            {
                (>= 1, 0) => "Required.",
                (<= 1, _) => $"At most {max} characters.",
                _ => $"{min} to {max} characters.",
            });
            return false;
        }

        return Storable(field, value);
    }

    /// <summary>Refuses characters XML cannot carry (see <see cref="StoredText"/>). True when it passes.</summary>
    public bool Storable(string field, string? value)
    {
        if (StoredText.IsStorable(value))
        {
            return true;
        }

        Add(field, StoredText.Refusal);
        return false;
    }

    /// <summary>
    /// The one URL rule: an absolute http or https URL with a host, storable, and at most
    /// <paramref name="maxLength"/> characters where a column limits it. Null or blank passes unless
    /// <paramref name="required"/>. True when it passes.
    /// </summary>
    public bool Url(string field, string? value, bool required = false, int? maxLength = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "A URL is required.");
            }

            return !required;
        }

        if (value.Trim().Length > maxLength)
        {
            Add(field, $"A URL has at most {maxLength} characters.");
            return false;
        }

        if (!IsWebUrl(value))
        {
            Add(field, UrlRefusal);
            return false;
        }

        return true;
    }

    /// <summary>Whether <paramref name="value"/> passes the URL rule of <see cref="Url"/> (length aside).</summary>
    public static bool IsWebUrl(string? value) =>
        StoredText.IsStorable(value)
        && Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    public ValidationProblem ToProblem(string? title = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.ValidationProblem(errors, title: title, extensions: extensions);

    /// <summary>A refusal of one field, for checks only the handler can make (a taken slug, an unknown id).</summary>
    public static ValidationProblem Problem(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors.ToProblem();
    }
}
