using System.Collections.Concurrent;
using System.Net;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ForumPlatform.Web.Tests;

/// <summary>
/// The website in-process on real Kestrel, in front of a stub gateway that serves the news and fails the agenda and
/// the figures: what a visitor sees when a service is down, and what the gateway receives from the website.
/// </summary>
public sealed class PartsUnavailableTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, string? Authorization, string? Visitor)> received = new();
    private WebApplication? stubGateway;
    private WebsiteFactory? website;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        stubGateway = builder.Build();
        stubGateway.Run(async context =>
        {
            received.Enqueue((context.Request.Path, context.Request.Headers.Authorization, context.Request.Headers[WebsiteCalls.VisitorHeader]));
            switch (context.Request.Path.Value)
            {
                case "/connect/token":
                    await context.Response.WriteAsJsonAsync(new { access_token = "website-token", token_type = "Bearer", expires_in = 900 });
                    break;
                case "/api/articles":
                    await context.Response.WriteAsJsonAsync(new
                    {
                        items = new[] { new { slug = "still-here", title = "The news still shows", summary = "While two services are down.", language = "en", tags = Array.Empty<string>(), themes = Array.Empty<string>(), authors = Array.Empty<string>(), publishedAt = "2025-12-02T04:00:00Z" } },
                        nextCursor = (string?)null,
                    });
                    break;
                default:
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    break;
            }
        });
        await stubGateway.StartAsync();
        website = new WebsiteFactory(stubGateway.Urls.First());
        website.Start();
    }

    [Fact]
    public async Task A_service_down_leaves_a_page_that_names_the_missing_parts_and_shows_the_rest()
    {
        using var visitor = website!.Visitor("203.0.113.9");

        var response = await visitor.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The news still shows", html, StringComparison.Ordinal);
        Assert.Contains("The programme is unavailable just now; the rest of this page is up to date.", html, StringComparison.Ordinal);
        Assert.Contains("The figures is unavailable just now", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_call_to_the_gateway_carries_the_websites_token_and_the_visitors_address()
    {
        using var visitor = website!.Visitor("203.0.113.10");

        await visitor.GetAsync("/");

        var apiCalls = received.Where(call => call.Path.StartsWith("/api/", StringComparison.Ordinal) && call.Visitor == "203.0.113.10").ToList();
        Assert.NotEmpty(apiCalls);
        Assert.All(apiCalls, call => Assert.Equal("Bearer website-token", call.Authorization));
        Assert.Contains(received, call => call.Path == "/connect/token");
    }

    public async Task DisposeAsync()
    {
        if (website is not null)
        {
            await website.DisposeAsync();
        }

        if (stubGateway is not null)
        {
            await stubGateway.DisposeAsync();
        }
    }

    private sealed class WebsiteFactory(string gateway) : WebApplicationFactory<WebsiteOptions>
    {
        private Uri address = null!;

        public void Start()
        {
            UseKestrel(0);
            StartServer();
            address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }

        /// <summary>A client as the gateway forwards a visitor: from loopback, naming the visitor in X-Forwarded-For.</summary>
        public HttpClient Visitor(string visitorAddress)
        {
            var client = new HttpClient { BaseAddress = address };
            client.DefaultRequestHeaders.Add("X-Forwarded-For", visitorAddress);
            return client;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Website:Gateway", gateway);
        }
    }
}
