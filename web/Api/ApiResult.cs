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
    /// <summary>A call for a signed-in reader without a valid sign-in (none, or it ended): they need to sign in (again).</summary>
    SignInNeeded,
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

    public static readonly ApiResult<T> NotFound = new(ApiStatus.NotFound, null);
    public static readonly ApiResult<T> Unavailable = new(ApiStatus.Unavailable, null);
    public static readonly ApiResult<T> TooManyRequests = new(ApiStatus.TooManyRequests, null);
    public static readonly ApiResult<T> SignInNeeded = new(ApiStatus.SignInNeeded, null);

    public bool IsOk => Status == ApiStatus.Ok && Value is not null;
}
