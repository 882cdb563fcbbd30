using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ForumPlatform.Gateway.Tests;

/// <summary>The cache of validated tokens as the gateway uses it: filled by validation, read before it.</summary>
[Collection(GatewayCollection.Name)]
public sealed class TokenCacheTests(GatewayFixture gateway)
{
    private ValidatedTokenCache Cache => gateway.Services.GetRequiredService<ValidatedTokenCache>();

    private async Task<HttpStatusCode> CreateArticleAsync(string token)
    {
        using var client = gateway.ClientFor();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.PostAsync("/api/articles", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode;
    }

    private static string EditorToken(string subject) => TestAuthority.Shared.Token(subject, [ForumRoles.Editor]);

    [Fact]
    public async Task A_token_that_passes_validation_is_kept_with_its_subject_and_roles()
    {
        var subject = $"cache-{Guid.NewGuid():N}";
        var token = EditorToken(subject);
        Assert.False(Cache.TryGet(token, out _, out _));

        Assert.Equal(HttpStatusCode.OK, await CreateArticleAsync(token));

        Assert.True(Cache.TryGet(token, out var principal, out var expires));
        Assert.Equal(subject, principal.Identity?.Name);
        Assert.True(principal.IsInRole(ForumRoles.Editor));
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddHours(1));
        Assert.Equal(HttpStatusCode.OK, await CreateArticleAsync(token));
    }

    [Fact]
    public async Task A_token_changed_in_its_signature_after_the_original_was_kept_is_refused()
    {
        var token = EditorToken($"cache-{Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.OK, await CreateArticleAsync(token));

        // The signature's first character carries its first six bits, so another character is another signature.
        var signatureStart = token.LastIndexOf('.') + 1;
        var forged = string.Concat(token.AsSpan(0, signatureStart), token[signatureStart] == 'A' ? "B" : "A", token.AsSpan(signatureStart + 1));

        Assert.Equal(HttpStatusCode.Unauthorized, await CreateArticleAsync(forged));
        Assert.False(Cache.TryGet(forged, out _, out _));
    }

    [Fact]
    public async Task A_request_whose_token_is_kept_is_authenticated_from_the_cache_without_validation()
    {
        // Not a JWT at all: only the cache can make it pass.
        var token = $"kept-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Unauthorized, await CreateArticleAsync(token));
        var identity = new ClaimsIdentity([new Claim("sub", "kept"), new Claim("role", ForumRoles.Editor)], "test", "sub", "role");
        Cache.Add(token, new ClaimsPrincipal(identity), DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Equal(HttpStatusCode.OK, await CreateArticleAsync(token));
    }
}

/// <summary>The cache on its own, with a clock the test moves.</summary>
public sealed class ValidatedTokenCacheTests : IDisposable
{
    private readonly ManualClock clock = new();
    private readonly ValidatedTokenCache cache;

    public ValidatedTokenCacheTests() => cache = new ValidatedTokenCache(clock);

    public void Dispose() => cache.Dispose();

    private static ClaimsPrincipal Editor() =>
        new(new ClaimsIdentity([new Claim("sub", "someone"), new Claim("role", ForumRoles.Editor)], "test", "sub", "role"));

    [Fact]
    public void An_entry_ends_at_the_tokens_expiry()
    {
        var expires = clock.Now.AddMinutes(10);
        cache.Add("token", Editor(), expires);

        clock.Now = expires.AddTicks(-1);
        Assert.True(cache.TryGet("token", out _, out var kept));
        Assert.Equal(expires, kept);

        clock.Now = expires;
        Assert.False(cache.TryGet("token", out _, out _));
    }

    [Fact]
    public void A_token_already_expired_is_not_kept()
    {
        cache.Add("token", Editor(), clock.Now);

        Assert.False(cache.TryGet("token", out _, out _));
    }

    [Fact]
    public void Each_request_gets_its_own_copy_of_the_principal()
    {
        var original = Editor();
        cache.Add("token", original, clock.Now.AddMinutes(10));

        Assert.True(cache.TryGet("token", out var first, out _));
        ((ClaimsIdentity)first.Identity!).AddClaim(new Claim("role", ForumRoles.Admin));
        ((ClaimsIdentity)original.Identity!).AddClaim(new Claim("role", ForumRoles.Admin));

        Assert.True(cache.TryGet("token", out var second, out _));
        Assert.NotSame(first, second);
        Assert.False(second.IsInRole(ForumRoles.Admin));
        Assert.True(second.IsInRole(ForumRoles.Editor));
    }
}
