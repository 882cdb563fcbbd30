using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.Gateway.Tests;

/// <summary>The gateway's own behaviour in front of stub services: limits, headers, errors, routing.</summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewayTests(GatewayFixture gateway)
{
    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task An_anonymous_client_over_its_limit_gets_429_with_retry_after_and_recovers_once_it_has_waited()
    {
        using var client = gateway.ClientFor();
        for (var i = 0; i < GatewayFixture.AnonymousLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles")).StatusCode);
        }

        var refused = await client.GetAsync("/api/articles");

        var problem = await Problem(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests.", problem.GetProperty("title").GetString());
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, (int)GatewayFixture.Window.TotalSeconds);

        using var other = gateway.ClientFor();
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/articles")).StatusCode); // another address, its own limit
        using var authenticated = gateway.ClientFor(ForumRoles.Editor, client.DefaultRequestHeaders.GetValues("X-Forwarded-For").Single());
        Assert.Equal(HttpStatusCode.OK, (await authenticated.GetAsync("/api/articles")).StatusCode); // a token counts by subject

        await Task.Delay(TimeSpan.FromSeconds(retryAfter) + TimeSpan.FromMilliseconds(500));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles")).StatusCode);
    }

    [Fact]
    public async Task The_websites_calls_count_against_the_visitor_they_are_for_so_a_noisy_visitor_is_limited_and_the_others_are_not()
    {
        using var website = gateway.ClientFor(); // every call from the website's one address
        website.DefaultRequestHeaders.Authorization = new("Bearer", TestAuthority.Shared.Token("forum-web", []));
        var noisy = VisitorAddresses.New();
        for (var i = 0; i < GatewayFixture.AnonymousLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await website.SendAsync(ForVisitor(noisy))).StatusCode);
        }

        await Problem(await website.SendAsync(ForVisitor(noisy)), HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await website.SendAsync(ForVisitor(VisitorAddresses.New()))).StatusCode);
        // The visitor's own requests (the pages themselves) count in the same place.
        using var noisyBrowser = gateway.ClientFor(address: noisy);
        await Problem(await noisyBrowser.GetAsync("/news"), HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_visitor_address_is_believed_from_the_websites_token_only()
    {
        var victim = VisitorAddresses.New();
        using var anonymous = gateway.ClientFor();
        anonymous.DefaultRequestHeaders.Add(WebsiteCalls.VisitorHeader, victim);
        using var otherClient = gateway.ClientFor();
        otherClient.DefaultRequestHeaders.Authorization = new("Bearer", TestAuthority.Shared.Token($"client-{Guid.NewGuid():N}", []));
        otherClient.DefaultRequestHeaders.Add(WebsiteCalls.VisitorHeader, victim);

        for (var i = 0; i < GatewayFixture.AnonymousLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/articles")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await otherClient.GetAsync("/api/articles")).StatusCode); // counted by its subject
        }

        await Problem(await anonymous.GetAsync("/api/articles"), HttpStatusCode.TooManyRequests); // counted by its own address
        using var victimsBrowser = gateway.ClientFor(address: victim);
        Assert.Equal(HttpStatusCode.OK, (await victimsBrowser.GetAsync("/api/articles")).StatusCode);
    }

    private static HttpRequestMessage ForVisitor(string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles");
        request.Headers.Add(WebsiteCalls.VisitorHeader, address);
        return request;
    }

    [Fact]
    public async Task Paths_outside_the_api_are_the_websites_and_unknown_api_paths_are_not()
    {
        using var client = gateway.ClientFor();
        var before = gateway.Stubs["web"].Paths.Count;

        var page = await client.GetAsync("/agenda/sessions/some-id?day=2");
        var form = await client.PostAsync("/subscribe", new FormUrlEncodedContent([]));
        await Problem(await client.GetAsync("/api/nothing/here"), HttpStatusCode.NotFound);
        await Problem(await client.PostAsync("/api/nothing/here", new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(["/agenda/sessions/some-id?day=2", "/subscribe"], gateway.Stubs["web"].Paths.Skip(before));
        Assert.Equal("web", (await page.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("service").GetString());
    }

    [Fact]
    public async Task Creating_subscriptions_has_a_stricter_limit_of_its_own()
    {
        using var client = gateway.ClientFor();
        for (var i = 0; i < GatewayFixture.SubscriptionCreationLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/notifications/subscriptions", new { name = "x" })).StatusCode);
        }

        await Problem(await client.PostAsJsonAsync("/api/notifications/subscriptions", new { name = "x" }), HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/notifications/subscriptions/some-id")).StatusCode);
    }

    [Fact]
    public async Task Health_probes_are_never_limited()
    {
        using var client = gateway.ClientFor();
        for (var i = 0; i < GatewayFixture.AnonymousLimit + 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_problem_details_and_never_reaches_the_service()
    {
        using var editor = gateway.ClientFor(ForumRoles.Editor);
        var before = gateway.Stubs["articles"].Paths.Count;

        var response = await editor.PostAsync("/api/articles", new StringContent(new string('x', GatewayFixture.MaxBodyBytes + 1), Encoding.UTF8, "application/json"));

        var problem = await Problem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("4,096 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, gateway.Stubs["articles"].Paths.Count);
    }

    [Fact]
    public async Task A_chunked_body_that_grows_past_the_limit_gets_413_problem_details()
    {
        using var editor = gateway.ClientFor(ForumRoles.Editor);
        var content = new StreamContent(new MemoryStream(new byte[GatewayFixture.MaxBodyBytes * 4]));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await editor.SendAsync(request);

        await Problem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_header_over_the_limit_gets_431_problem_details_naming_it_and_never_reaches_the_service()
    {
        using var client = gateway.ClientFor();
        client.DefaultRequestHeaders.Add("X-Padding", new string('x', 40_000)); // over 32 KiB, under Kestrel's 64 KiB ceiling
        var before = gateway.Stubs["articles"].Paths.Count;

        var response = await client.GetAsync("/api/articles");

        var problem = await Problem(response, HttpStatusCode.RequestHeaderFieldsTooLarge);
        Assert.Contains("32,768 bytes in all", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("the largest being X-Padding (40,013 bytes)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, gateway.Stubs["articles"].Paths.Count);
    }

    [Fact]
    public async Task Too_many_header_lines_get_431_problem_details()
    {
        using var client = gateway.ClientFor();
        for (var i = 0; i < 120; i++)
        {
            client.DefaultRequestHeaders.Add($"X-Extra-{i}", "1");
        }

        var response = await client.GetAsync("/api/articles");

        var problem = await Problem(response, HttpStatusCode.RequestHeaderFieldsTooLarge);
        Assert.Contains("100 header lines", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_line_over_the_limit_gets_414_problem_details()
    {
        using var client = gateway.ClientFor();

        var response = await client.GetAsync($"/api/articles?q={new string('x', 9_000)}"); // "GET " + 9,016 + " HTTP/1.1"

        var problem = await Problem(response, HttpStatusCode.RequestUriTooLong);
        Assert.Contains("limited to 8,192 bytes; this request line has 9,029", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Far_past_the_header_limit_kestrel_refuses_the_request_itself()
    {
        using var client = gateway.ClientFor();
        client.DefaultRequestHeaders.Add("X-Padding", new string('x', 70_000)); // past twice 32 KiB

        var before = gateway.Stubs["articles"].Paths.Count;

        var response = await client.GetAsync("/api/articles");

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.NotEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType); // Kestrel's own, not ours
        Assert.Equal(before, gateway.Stubs["articles"].Paths.Count);
    }

    [Fact]
    public async Task A_hung_service_gets_504_problem_details_not_a_hung_client()
    {
        using var client = gateway.ClientFor();
        var started = DateTimeOffset.UtcNow;

        var response = await client.GetAsync("/api/agenda/hang");

        await Problem(response, HttpStatusCode.GatewayTimeout);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Uploads_are_waited_for_longer_than_other_answers_of_the_same_service()
    {
        using var client = gateway.ClientFor();

        var page = await client.PostAsync("/workspace/slow", new StringContent("a form"));
        var upload = await client.PostAsync("/workspace/figures/uploads/slow", new StringContent("a file"));

        await Problem(page, HttpStatusCode.GatewayTimeout);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains("/workspace/figures/uploads/slow", gateway.Stubs["web"].Paths);
    }

    [Fact]
    public async Task Unknown_routes_get_404_problem_details_with_a_restrictive_policy_and_no_server_banner()
    {
        using var client = gateway.ClientFor();

        var response = await client.GetAsync("/api/nothing/here");

        var problem = await Problem(response, HttpStatusCode.NotFound);
        Assert.Equal("No such route.", problem.GetProperty("title").GetString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Proxied_answers_get_nosniff_but_keep_their_own_content_policy_and_etag_and_conditional_requests_pass_through()
    {
        using var client = gateway.ClientFor();

        var first = await client.GetAsync("/api/stats/platform");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/stats/platform");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(request);

        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(first.Headers.Contains("Content-Security-Policy"));
        Assert.Equal(StubService.ETag, first.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(StubService.ETag, second.Headers.ETag!.ToString());
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/articles/..%2Fstats/platform")]
    [InlineData("/api/articles/..%5Cstats%5Cplatform")]
    [InlineData("/api/articles/%2e%2e%2fstats%2fplatform")]
    public async Task Encoded_slashes_stay_in_the_path_of_the_service_they_were_sent_to(string path)
    {
        using var client = gateway.ClientFor();
        var statisticsBefore = gateway.Stubs["statistics"].Paths.Count;

        var response = await client.GetAsync(path);

        Assert.Equal(statisticsBefore, gateway.Stubs["statistics"].Paths.Count);
        Assert.Equal("articles", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("service").GetString());
    }

    [Theory]
    [InlineData("/api/notifications/subscriptions/%2e%2e/%2e%2e/stats/imports", null)]
    [InlineData("/api/notifications/subscriptions/../../stats/imports", null)]
    [InlineData("/api/notifications/subscriptions/..%2F..%2Fstats%2Fimports", "notifications")]
    public async Task A_traversal_out_of_the_anonymous_subscription_route_is_judged_by_where_it_lands(string path, string? reachedService)
    {
        using var client = gateway.ClientFor();
        var statisticsBefore = gateway.Stubs["statistics"].Paths.Count;

        // Sent exactly as written: System.Uri would otherwise resolve the dot segments in the client.
        var raw = new Uri($"{gateway.Address.GetLeftPart(UriPartial.Authority)}{path}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var response = await client.PostAsync(raw, new StringContent("indicator,reporter,partner,period,value\n", Encoding.UTF8, "text/csv"));

        // Dot segments are resolved by the gateway's server before routing, so the write lands on the statistics route and needs an analyst;
        // encoded slashes are not path separators, so that one stays with notifications.
        Assert.Equal(statisticsBefore, gateway.Stubs["statistics"].Paths.Count);
        if (reachedService is null)
        {
            await Problem(response, HttpStatusCode.Unauthorized);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(reachedService, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("service").GetString());
        }
    }

    [Fact]
    public async Task The_api_reference_lists_every_services_document_fetched_through_the_gateway()
    {
        using var client = gateway.ClientFor();

        var response = await client.GetAsync("/docs");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        foreach (var (_, prefix) in GatewayExtensions.Services)
        {
            Assert.Contains($"\"url\":\"{prefix.TrimStart('/')}/openapi/v1.json\"", page, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs/scalar.js")).StatusCode); // served by the gateway, no CDN

        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_configured_origins_no_cross_origin_access_is_granted()
    {
        using var client = gateway.ClientFor();
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/articles");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await client.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
