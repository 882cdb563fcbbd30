using System.Net;
using System.Net.Http.Headers;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.Gateway.Tests;

/// <summary>The gateway validates tokens by its authority's discovery and keys: forged or wrong tokens never pass.</summary>
[Collection(GatewayCollection.Name)]
public sealed class TokenValidationTests(GatewayFixture gateway)
{
    /// <summary>A write to a path of its own (so the test can tell whether it reached the service) on an admin-only route.</summary>
    private async Task<(HttpResponseMessage Response, string Path)> WriteAsync(string token)
    {
        using var client = gateway.ClientFor();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var path = $"/api/notifications/attack-{Guid.NewGuid():N}";
        return (await client.PostAsync(path, null), path);
    }

    [Theory]
    [MemberData(nameof(TokenAttacks.Names), MemberType = typeof(TokenAttacks))]
    public async Task A_wrong_or_forged_admin_token_gets_401_problem_details_and_reaches_no_service(string attack)
    {
        var (response, path) = await WriteAsync(TokenAttacks.All[attack](TestAuthority.Shared));

        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.DoesNotContain(path, gateway.Stubs["notifications"].Paths);
    }

    [Fact]
    public async Task A_valid_admin_token_passes()
    {
        var (response, path) = await WriteAsync(TestAuthority.Shared.TokenFor(ForumRoles.Admin));

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Contains(path, gateway.Stubs["notifications"].Paths);
    }

    [Fact]
    public async Task A_key_the_authority_publishes_later_is_fetched_when_a_token_names_it()
    {
        var next = TestAuthority.NewKey();
        var token = TestAuthority.Shared.Token($"rotated-{Guid.NewGuid():N}", [ForumRoles.Admin], key: next);
        using (var before = (await WriteAsync(token)).Response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        }

        TestAuthority.Shared.Publish(next);

        // The unknown key id asks for the keys again, at most once a second (Auth:KeyRefreshInterval in the tests).
        await Eventually.TrueAsync(async () =>
        {
            using var after = (await WriteAsync(token)).Response;
            return after.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(15), "the gateway to fetch the authority's new key");
    }
}
