using System.Globalization;
using System.Net.Http.Headers;
using ForumPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ForumPlatform.Gateway.Tests;

/// <summary>
/// The gateway in-process on real Kestrel (tokens of the test authority) in front of stub services and a stub website on real loopback ports, with small
/// limits so tests can cross them: 20 anonymous and 40 authenticated requests per 2 s, 3 subscription creations per
/// 2 s, 4 KiB bodies, a 1 s activity timeout toward the services.
/// </summary>
public class GatewayFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int AnonymousLimit = 20;
    public const int SubscriptionCreationLimit = 3;
    public const int MaxBodyBytes = 4096;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    public Dictionary<string, StubService> Stubs { get; } = [];

    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    public async Task InitializeAsync()
    {
        foreach (var (service, _) in GatewayExtensions.Services)
        {
            Stubs[service] = await StubService.StartAsync(service);
        }

        // The website, behind the catch-all route.
        Stubs["web"] = await StubService.StartAsync("web");

        // Real Kestrel on a loopback port: its limits apply, and the client's address is real.
        UseKestrel(0);
        StartServer();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>Where the gateway listens.</summary>
    public Uri Address { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in TestAuthority.Shared.Settings)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (service, stub) in Stubs)
        {
            builder.UseSetting($"ReverseProxy:Clusters:{service}:Destinations:primary:Address", stub.BaseUrl);
            builder.UseSetting($"ReverseProxy:Clusters:{service}:HttpRequest:ActivityTimeout", "00:00:01");
        }

        // Uploads go to the same services through clusters that wait longer.
        foreach (var (cluster, service) in new[] { ("statistics-uploads", "statistics"), ("web-uploads", "web") })
        {
            builder.UseSetting($"ReverseProxy:Clusters:{cluster}:Destinations:primary:Address", Stubs[service].BaseUrl);
            builder.UseSetting($"ReverseProxy:Clusters:{cluster}:HttpRequest:ActivityTimeout", "00:00:05");
        }

        var window = Window.ToString("c", CultureInfo.InvariantCulture);
        builder.UseSetting("Gateway:RateLimits:Anonymous:PermitLimit", AnonymousLimit.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Gateway:RateLimits:Anonymous:Window", window);
        builder.UseSetting("Gateway:RateLimits:Authenticated:PermitLimit", (AnonymousLimit * 2).ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Gateway:RateLimits:Authenticated:Window", window);
        builder.UseSetting("Gateway:RateLimits:SubscriptionCreation:PermitLimit", SubscriptionCreationLimit.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Gateway:RateLimits:SubscriptionCreation:Window", window);
        builder.UseSetting("Gateway:Limits:MaxRequestBodyBytes", MaxBodyBytes.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client as from its own address (<c>X-Forwarded-For</c>, believed from loopback), so each test has its own rate-limit bucket.</summary>
    public HttpClient ClientFor(string? role = null, string? address = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = Address });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address ?? VisitorAddresses.New());
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestAuthority.Shared.TokenFor(role));
        }

        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        foreach (var stub in Stubs.Values)
        {
            await stub.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Gateway";
}
