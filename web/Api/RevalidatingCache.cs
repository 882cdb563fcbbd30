using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using Microsoft.Extensions.Caching.Memory;

namespace ForumPlatform.Web.Api;

/// <summary>
/// Public answers the API gave with an ETag, kept to ask again with <c>If-None-Match</c>: an unchanged schedule or
/// article then costs a 304 instead of its body and its deserialization, and a change shows on the next request, as
/// nothing is served without asking, unless the caller accepts an answer validated within a given time (the home
/// page's headline figures). Bounded (least recently used entries go first); never holds a person's data.
/// </summary>
public sealed class RevalidatingCache(TimeProvider clock) : IDisposable
{
    private const int MaxEntries = 2_000;
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);
    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    /// <summary>
    /// The kept answer for <paramref name="path"/>, its ETag, and whether the API confirmed it within
    /// <paramref name="freshFor"/> (then it may be served without asking).
    /// </summary>
    public bool TryGet<T>(
        string path, TimeSpan freshFor, [NotNullWhen(true)] out EntityTagHeaderValue? etag, [NotNullWhen(true)] out T? value, out bool fresh)
        where T : class
    {
        if (entries.TryGetValue(path, out Entry? entry) && entry!.Value is T kept)
        {
            etag = entry.ETag;
            value = kept;
            fresh = clock.GetUtcNow() - entry.ValidatedAt < freshFor;
            return true;
        }

        etag = null;
        value = null;
        fresh = false;
        return false;
    }

    /// <summary>Keeps a value the API has just given or confirmed (a 304).</summary>
    public void Set(string path, EntityTagHeaderValue etag, object value) =>
        entries.Set(path, new Entry(etag, value, clock.GetUtcNow()), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unused });

    public void Dispose() => entries.Dispose();

    private sealed record Entry(EntityTagHeaderValue ETag, object Value, DateTimeOffset ValidatedAt);
}
