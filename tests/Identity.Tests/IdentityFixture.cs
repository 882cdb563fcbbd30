using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ForumPlatform.Identity.Data;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ForumPlatform.Identity.Tests;

/// <summary>
/// The identity service in-process on real Kestrel (a loopback port, so its own bearer validation and the clients of
/// these tests reach it over HTTP) on a real SQLite file, in Development: its development people and clients are
/// seeded, the website's client has a redirect URI on loopback, a reused refresh token is refused at once (no leeway,
/// unless a derived fixture gives one), and the sign-in limits are small enough to cross.
/// </summary>
public class IdentityFixture : WebApplicationFactory<IdentityDb>, IAsyncLifetime
{
    public const int SignInsPerAddress = 12;
    public const int SignInsPerAccount = 8;
    public const string WebClientId = "forum-web";
    public const string WebClientSecret = DevelopmentAccounts.WebClientSecret;
    public static readonly Uri RedirectUri = new("http://127.0.0.1:9/signin-oidc");
    public static readonly Uri PostLogoutRedirectUri = new("http://127.0.0.1:9/signout-callback-oidc");

    private readonly TimeSpan refreshTokenReuseLeeway;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "forumplatform-tests", $"identity-{Guid.NewGuid():N}");
    private readonly int port = FreePort();
    private RabbitMqNode? broker;

    public IdentityFixture()
        : this(TimeSpan.Zero)
    {
    }

    protected IdentityFixture(TimeSpan refreshTokenReuseLeeway) => this.refreshTokenReuseLeeway = refreshTokenReuseLeeway;

    /// <summary>Where the service listens; also its issuer.</summary>
    public Uri Address => new($"http://127.0.0.1:{port}/");

    /// <summary>The private RabbitMQ node the service publishes its events to.</summary>
    public RabbitMqNode Broker => broker ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        broker = await RabbitMqNode.StartNewAsync();
        UseKestrel(port);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:messaging", Broker.ConnectionString);
        builder.UseSetting("ConnectionStrings:identity-db", $"Data Source={Path.Combine(directory, "identity.db")}");
        builder.UseSetting("Identity:Keys:DevelopmentDirectory", Path.Combine(directory, "keys"));
        builder.UseSetting("Identity:DataProtectionDirectory", Path.Combine(directory, "data-protection"));
        builder.UseSetting("Identity:Issuer", Address.ToString());
        builder.UseSetting("Auth:Authority", Address.ToString());
        builder.UseSetting("Identity:RefreshTokenReuseLeeway", refreshTokenReuseLeeway.ToString("c", CultureInfo.InvariantCulture));
        builder.UseSetting("Identity:WebClient:RedirectUris:0", RedirectUri.ToString());
        builder.UseSetting("Identity:WebClient:PostLogoutRedirectUris:0", PostLogoutRedirectUri.ToString());
        builder.UseSetting("Identity:SignInLimits:PerAddress", SignInsPerAddress.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Identity:SignInLimits:PerAccount", SignInsPerAccount.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Identity:SignInLimits:Window", "00:10:00");
    }

    /// <summary>
    /// A browser of its own: cookies kept, redirects not followed, and its own client address (<c>X-Forwarded-For</c>,
    /// believed from loopback as from the gateway), so each test has its own sign-in limit.
    /// </summary>
    public HttpClient Browser(string? address = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address ?? VisitorAddresses.New());
        return client;
    }

    /// <summary>The anti-forgery token of the first form on a page.</summary>
    public static string AntiforgeryToken(string html) => CodeFlow.AntiforgeryToken(html);

    /// <summary>The website's part of sign-in in <paramref name="browser"/>.</summary>
    public static CodeFlow Flow(HttpClient browser) => new(browser, new CodeFlowClient(WebClientId, WebClientSecret, RedirectUri));

    /// <summary>A client of the admin API with a token issued to a role's development client.</summary>
    public async Task<HttpClient> ApiClientAsync(string? role)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", await ClientCredentialsTokenAsync(DevelopmentAccounts.ClientId(role), DevelopmentAccounts.ClientSecret(role)));
        }

        return client;
    }

    /// <summary>An access token for a machine client, or the refusal as an exception.</summary>
    public async Task<string> ClientCredentialsTokenAsync(string clientId, string secret)
    {
        using var client = new HttpClient { BaseAddress = Address };
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode
            ? body.GetProperty("access_token").GetString()!
            : throw new HttpRequestException($"No token for {clientId}: {body}", null, response.StatusCode);
    }

    /// <summary>Runs a query against the service's database, in a scope of its own.</summary>
    public async Task<TResult> WithServiceAsync<TService, TResult>(Func<TService, Task<TResult>> query) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (broker is not null)
        {
            await broker.DisposeAsync();
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class IdentityCollection : ICollectionFixture<IdentityFixture>
{
    public const string Name = "Identity";
}

/// <summary>The identity service with a refresh token reuse leeway of <see cref="Leeway"/>, as deployed (30 s) but shorter.</summary>
public sealed class IdentityWithLeewayFixture() : IdentityFixture(Leeway)
{
    public static readonly TimeSpan Leeway = TimeSpan.FromSeconds(2);
}

[CollectionDefinition(Name)]
public sealed class IdentityWithLeewayCollection : ICollectionFixture<IdentityWithLeewayFixture>
{
    public const string Name = "Identity with a reuse leeway";
}
