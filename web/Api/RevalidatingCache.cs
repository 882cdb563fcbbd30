using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using Microsoft.Extensions.Caching.Memory;

namespace ForumPlatform.Web.Api;

/// <summary>
/// Public answers the API gave with an ETag, kept to ask again with <c>If-None-Match</c>: an unchanged schedule or
/// article then costs a 304 instead of its body and its deserialization, and a change shows on the next request, as
/// nothing is served without asking. Bounded (least recently used entries go first); never holds a person's data.
/// </summary>
public sealed class RevalidatingCache : IDisposable
{
    private const int MaxEntries = 2_000;
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);
    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public bool TryGet<T>(string path, [NotNullWhen(true)] out EntityTagHeaderValue? etag, [NotNullWhen(true)] out T? value) where T : class
    {
        if (entries.TryGetValue(path, out Entry? entry) && entry!.Value is T kept)
        {
            etag = entry.ETag;
            value = kept;
            return true;
        }

        etag = null;
        value = null;
        return false;
    }

    public void Set(string path, EntityTagHeaderValue etag, object value) =>
        entries.Set(path, new Entry(etag, value), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unused });

    public void Dispose() => entries.Dispose();

    private sealed record Entry(EntityTagHeaderValue ETag, object Value);
}
