using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ForumPlatform.EndToEnd.Tests;

/// <summary>
/// Sign-in as the app host runs it: the identity service behind the gateway, whose address is the issuer; people sign
/// in through it and their tokens work at the gateway and straight at a service.
/// </summary>
[Collection(ForumPlatformCollection.Name)]
public sealed class SignInThroughGatewayTests(ForumPlatformFixture platform)
{
    private Uri GatewayAddress
    {
        get
        {
            using var gateway = platform.Gateway();
            return gateway.BaseAddress!;
        }
    }

    private HttpClient Browser() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = GatewayAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    [Fact]
    public async Task Discovery_through_the_gateway_names_the_gateway_as_issuer_and_its_endpoints()
    {
        using var gateway = platform.Gateway();
        var metadata = await gateway.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Equal(GatewayAddress.ToString(), metadata.GetProperty("issuer").GetString());
        Assert.Equal(new Uri(GatewayAddress, "connect/token").ToString(), metadata.GetProperty("token_endpoint").GetString());
        Assert.Equal(new Uri(GatewayAddress, ".well-known/jwks").ToString(), metadata.GetProperty("jwks_uri").GetString());
    }

    [Fact]
    public async Task A_person_signs_in_through_the_gateway_and_their_token_writes_there_and_straight_at_the_service()
    {
        using var browser = Browser();
        var flow = new CodeFlow(browser, new CodeFlowClient("forum-web", DevelopmentAccounts.WebClientSecret, new Uri(GatewayAddress, "signin-oidc")));

        var tokens = await flow.TokensAsync(DevelopmentAccounts.Email(ForumRoles.Editor), DevelopmentAccounts.Password(ForumRoles.Editor));
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        Assert.Equal(GatewayAddress.ToString(), new JsonWebToken(accessToken).Issuer);

        foreach (var via in new[] { "gateway", "articles" })
        {
            using var client = platform.Client(via);
            client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
            using var created = await client.PostAsJsonAsync("/api/articles", new { title = $"Signed in via {via} {Guid.NewGuid():N}", language = "en" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
    }

    [Fact]
    public async Task The_admin_api_answers_admins_through_the_gateway_and_refuses_others_there()
    {
        using var admin = platform.Gateway(ForumRoles.Admin);
        using var editor = platform.Gateway(ForumRoles.Editor);
        using var anonymous = platform.Gateway();

        var people = await admin.GetFromJsonAsync<JsonElement>("/api/identity/people?search=forum.local");
        using var forbidden = await editor.GetAsync("/api/identity/people");
        using var unauthorized = await anonymous.GetAsync("/api/identity/audit");

        Assert.Equal(ForumRoles.All.Count, people.GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [Fact]
    public async Task The_dev_token_tool_prints_a_token_the_gateway_accepts()
    {
        var tool = Path.Combine(RabbitMqNode.RepositoryRoot(), "tools", "DevToken", "bin", "Debug", "net10.0", "ForumPlatform.DevToken.dll");
        var start = new ProcessStartInfo("dotnet", [tool, ForumRoles.Organizer, "--authority", GatewayAddress.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, process.ExitCode);
        var token = output.Trim();
        Assert.Equal([ForumRoles.Organizer], ForgedTokens.Roles(token));
        using var client = platform.Gateway();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await client.PostAsJsonAsync("/api/agenda/forums/tianshan-forum-2025/rooms", new { name = $"Room {Guid.NewGuid():N}"[..20], capacity = 10 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
