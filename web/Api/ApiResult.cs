using System.Net.Http.Json;
using System.Text.Json;

namespace ForumPlatform.Web.Api;

public enum ApiStatus
{
    Ok,
    NotFound,
    /// <summary>The request was refused as invalid (a 400); <see cref="ApiResult{T}.Problems"/> say why.</summary>
    Invalid,
    /// <summary>The resource lives at another address now (an old slug); <see cref="ApiResult{T}.MovedTo"/> says where.</summary>
    Moved,
    /// <summary>The service behind the gateway failed or did not answer in time.</summary>
    Unavailable,
    /// <summary>The visitor has used up their requests for now (the gateway's rate limit).</summary>
    TooManyRequests,
    /// <summary>A call for a signed-in person without a valid sign-in (none, or it ended): they need to sign in (again).</summary>
    SignInNeeded,
    /// <summary>The signed-in person's roles do not allow it (a 403).</summary>
    Forbidden,
    /// <summary>Someone else changed it since the person read it (a 412): their write would have overwritten that.</summary>
    Stale,
    /// <summary>The write contradicts what is stored (a 409); <see cref="ApiResult{T}.Problems"/> say how.</summary>
    Conflict,
}

/// <summary>What one call to the API gave: a value, or why there is none. A page renders the parts it got.</summary>
public sealed record ApiResult<T>(ApiStatus Status, T? Value) where T : class
{
    /// <summary>For <see cref="ApiStatus.Invalid"/>: each problem the API named, as its message.</summary>
    public IReadOnlyList<string> Problems => [.. FieldProblems.Values.SelectMany(messages => messages)];

    /// <summary>For <see cref="ApiStatus.Invalid"/>: the messages by the field they concern (the problem's <c>errors</c>; "" for the rest).</summary>
    public IReadOnlyDictionary<string, string[]> FieldProblems { get; init; } = new Dictionary<string, string[]>();

    /// <summary>For <see cref="ApiStatus.Moved"/>: the path the API redirected to.</summary>
    public string? MovedTo { get; init; }

    /// <summary>The ETag the API answered with: what a later conditional write names in <c>If-Match</c>.</summary>
    public string? ETag { get; init; }

    public static readonly ApiResult<T> NotFound = new(ApiStatus.NotFound, null);
    public static readonly ApiResult<T> Unavailable = new(ApiStatus.Unavailable, null);
    public static readonly ApiResult<T> TooManyRequests = new(ApiStatus.TooManyRequests, null);
    public static readonly ApiResult<T> SignInNeeded = new(ApiStatus.SignInNeeded, null);

    public bool IsOk => Status == ApiStatus.Ok && Value is not null;

    /// <summary>The same failure for another kind of value.</summary>
    public ApiResult<TOther> As<TOther>() where TOther : class =>
        new(Status, null) { FieldProblems = FieldProblems, MovedTo = MovedTo, ETag = ETag };
}

/// <summary>Reads an RFC 9457 problem's messages, by the field they concern.</summary>
public static class ApiProblems
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The problem's <c>errors</c> by field, or its <c>detail</c> under "" when it names no field.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        JsonElement problem;
        try
        {
            problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        }
        catch (JsonException)
        {
            return new Dictionary<string, string[]>();
        }

        if (problem.ValueKind != JsonValueKind.Object)
        {
            return new Dictionary<string, string[]>();
        }

        if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            return errors.EnumerateObject().ToDictionary(
                field => field.Name,
                field => field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray().Select(message => message.GetString() ?? "").ToArray() : [],
                StringComparer.OrdinalIgnoreCase);
        }

        return new Dictionary<string, string[]>
        {
            [""] = [problem.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String ? detail.GetString()! : ""],
        };
    }
}
