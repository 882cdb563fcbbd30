using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Articles.Tests;

/// <summary>
/// Straight at a service, as if the gateway were bypassed: it validates tokens by its authority's discovery and keys
/// itself, so a forged or wrong token writes nothing.
/// </summary>
[Collection(ArticlesCollection.Name)]
public sealed class TokenValidationTests(ArticlesServiceFixture service)
{
    private async Task<HttpResponseMessage> CreateDraftAsync(string token, string title)
    {
        using var client = service.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsJsonAsync("/api/articles", new { title, language = "en" });
    }

    [Theory]
    [MemberData(nameof(TokenAttacks.Names), MemberType = typeof(TokenAttacks))]
    public async Task A_wrong_or_forged_token_gets_401_and_stores_nothing(string attack)
    {
        var title = $"Forged {Guid.NewGuid():N}";

        using var response = await CreateDraftAsync(TokenAttacks.All[attack](TestAuthority.Shared), title);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(await service.WithDbAsync(db => db.Articles.AnyAsync(article => article.Title == title)));
    }

    [Fact]
    public async Task A_valid_editor_token_writes()
    {
        var title = $"Valid {Guid.NewGuid():N}";

        using var response = await CreateDraftAsync(TestAuthority.Shared.TokenFor(ForumRoles.Editor), title);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(await service.WithDbAsync(db => db.Articles.AnyAsync(article => article.Title == title)));
    }
}
