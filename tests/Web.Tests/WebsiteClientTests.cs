using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ForumPlatform.Web.Tests;

/// <summary>The website's own client at the identity service of the running system.</summary>
[Collection(WebsiteCollection.Name)]
public sealed class WebsiteClientTests(WebsiteFixture site)
{
    [Fact]
    public async Task The_website_gets_a_token_of_its_own_whose_subject_is_its_client_id_and_which_has_no_role()
    {
        using var gateway = site.System.Gateway();

        var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "forum-web",
            ["client_secret"] = DevelopmentAccounts.WebClientSecret,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = new JsonWebTokenHandler().ReadJsonWebToken(
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        Assert.Equal("forum-web", token.Subject);
        Assert.DoesNotContain(token.Claims, claim => claim.Type == "role");
    }

    [Fact]
    public async Task The_admin_api_neither_lists_nor_deletes_the_websites_client()
    {
        using var admin = site.System.Gateway(ForumRoles.Admin);

        var clients = await admin.GetFromJsonAsync<JsonElement>("/api/identity/clients");
        var deleted = await admin.DeleteAsync("/api/identity/clients/forum-web");

        Assert.DoesNotContain(clients.EnumerateArray(), client => client.GetProperty("clientId").GetString() == "forum-web");
        Assert.Contains(clients.EnumerateArray(), client => client.GetProperty("clientId").GetString() == DevelopmentAccounts.ClientId(ForumRoles.Admin));
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
    }
}
