using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;

namespace ForumPlatform.EndToEnd.Tests;

/// <summary>Writes are checked at the gateway and again at the service; errors are problem details.</summary>
[Collection(ForumPlatformCollection.Name)]
public sealed class AuthorizationAndErrorTests(ForumPlatformFixture platform)
{
    private static readonly object ValidDraft = new { title = "A draft nobody may write", language = "en" };

    [Fact]
    public async Task Anonymous_write_through_the_gateway_gets_401_problem_details()
    {
        using var anonymous = platform.Gateway();
        var response = await anonymous.PostAsJsonAsync("/api/articles", ValidDraft);
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Editor_token_on_an_organizer_route_gets_403_problem_details()
    {
        using var editor = platform.Gateway(ForumRoles.Editor);
        var response = await editor.PostAsJsonAsync("/api/agenda/forums", new { slug = "x" });
        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_write_straight_to_the_service_gets_401()
    {
        using var anonymous = platform.Client("articles");
        var response = await anonymous.PostAsJsonAsync("/api/articles", ValidDraft);
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Malformed_json_gets_400_problem_details_naming_the_position()
    {
        using var editor = platform.Gateway(ForumRoles.Editor);
        using var body = new StringContent("{\"title\": \"Unclosed", Encoding.UTF8, "application/json");
        var response = await editor.PostAsync("/api/articles", body);
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors), problem.ToString());
        Assert.Contains(errors.EnumerateObject(), error => error.Name.StartsWith('$'));
    }

    [Theory]
    [InlineData(ForumRoles.Editor, "/api/articles")]
    [InlineData(ForumRoles.Organizer, "/api/agenda/forums/tianshan-forum-2025/rooms")]
    [InlineData(ForumRoles.Analyst, "/api/stats/indicators/test.content-type")]
    [InlineData(null, "/api/notifications/subscriptions")]
    public async Task A_wrong_content_type_gets_415_problem_details_through_the_gateway(string? role, string path)
    {
        using var client = platform.Gateway(role);
        using var body = new StringContent("title=form-encoded", Encoding.UTF8, "application/x-www-form-urlencoded");
        var method = path.Contains("/indicators/", StringComparison.Ordinal) ? HttpMethod.Put : HttpMethod.Post;

        var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = body });

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Missing_required_field_gets_400_naming_the_field()
    {
        using var editor = platform.Gateway(ForumRoles.Editor);
        var response = await editor.PostAsJsonAsync("/api/articles", new { language = "en" });
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), error => error.Name.Equals("title", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/api/agenda/forums")]
    [InlineData("/api/articles/feed.rss")]
    [InlineData("/no/such/route")]
    public async Task Gateway_answers_send_nosniff_and_no_server_banner(string path)
    {
        using var anonymous = platform.Gateway();
        var response = await anonymous.GetAsync(path);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Server));
    }

    [Fact]
    public async Task An_unknown_api_route_is_404_problem_details_and_an_unknown_page_the_websites_404_page()
    {
        using var anonymous = platform.Gateway();
        await AssertProblemAsync(await anonymous.GetAsync("/api/no/such/route"), HttpStatusCode.NotFound);

        var page = await anonymous.GetAsync("/no/such/route");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Page not found</h1>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
