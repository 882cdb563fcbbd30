using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Web.Api;
using ForumPlatform.Web.Components;
using ForumPlatform.Web.MyAgenda;
using ForumPlatform.Web.SignIn;
using ForumPlatform.Web.Workspace;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ForumPlatform.Web;

public static class WebsiteExtensions
{
    /// <summary>The languages of the interface; English is the text in the pages themselves.</summary>
    public static readonly string[] Languages = [.. Components.Shared.Languages.All.Select(language => language.Code)];

    /// <summary>
    /// Pages rendered on the server (Razor components, no interactive circuits), reading the platform's API through the
    /// gateway with the website's own token on behalf of each visitor; compressed answers; the interface in three
    /// languages.
    /// </summary>
    public static IHostApplicationBuilder AddWebsite(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(WebsiteOptions.SectionName);
        var website = section.Get<WebsiteOptions>() ?? new WebsiteOptions();
        builder.Services.Configure<WebsiteOptions>(section);

        builder.AddWebsiteSignIn(website);
        builder.Services.AddRazorComponents();
        // Chinese and Russian text as characters, not as six-byte entities: pages are half the size.
        builder.Services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddLocalization(localization => localization.ResourcesPath = "Resources");
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddSingleton(TimeProvider.System);

        // No retries: the gateway and the services are on one network, and a page should say at once that a part is
        // missing rather than make the visitor wait through a retry schedule.
        builder.Services.AddSingleton<WebsiteToken>();
        builder.Services.AddSingleton<RevalidatingCache>();
        builder.Services.AddSingleton<Seo.Sitemap>();
        builder.Services.AddTransient<OnBehalfOfVisitor>();
        builder.Services.AddHttpClient(WebsiteToken.HttpClientName, http => ToGateway(http, website));
        builder.Services.AddHttpClient<ForumApi>(http => ToGateway(http, website))
            .AddHttpMessageHandler<OnBehalfOfVisitor>()
            // An old slug's 301 is the page's to answer (with its own 301), not the client's to follow.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        // Calls with the signed-in person's own token: a reader's agenda, staff's work.
        builder.Services.AddHttpClient<PersonalApi>(http => ToGateway(http, website)).AddHttpMessageHandler<OnBehalfOfVisitor>();
        builder.Services.AddTransient<ReaderApi>();
        builder.Services.AddTransient<Workspace.NewsroomApi>();
        builder.Services.AddTransient<Workspace.OrganizerApi>();
        builder.Services.AddTransient<Portal.SubscriberApi>();
        builder.Services.AddTransient<Workspace.AdminNotificationsApi>();
        builder.Services.AddTransient<Workspace.AnalystApi>();
        builder.Services.AddTransient<Workspace.IdentityAdminApi>();
        builder.Services.AddSingleton<Workspace.ImportUploads>();
#pragma warning disable EXTEXP0001 // an evaluation API, and the documented way to leave the defaults' retries off one client
        builder.Services.AddHttpClient(PersonalApi.UploadsClient, http =>
            {
                ToGateway(http, website);
                http.Timeout = TimeSpan.FromMinutes(5); // a 25 MiB import is checked row by row before it is stored
            })
            .AddHttpMessageHandler<OnBehalfOfVisitor>()
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        builder.Services.AddResponseCompression(compression =>
        {
            // Behind the gateway the website is reached over http; visitors reach the gateway over https in a deployment.
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = CompressionLevel.Fastest);
        return builder;
    }

    public static WebApplication UseWebsite(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseContentTypeOptions();
        app.UseResponseCompression();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        // A path no page answers gets the site's 404 page (with status 404); a page the person's roles do not open, the
        // 403 page (at the address they asked for).
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseStrictContentSecurityPolicy();
        app.UseRequestLocalization(localization => localization
            .SetDefaultCulture(Languages[0])
            .AddSupportedCultures(Languages)
            .AddSupportedUICultures(Languages));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapWebsite(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapStaticAssets();
        Seo.Sitemap.Map(app);
        LanguageSwitch.Map(app);
        app.MapWebsiteSignIn();
        app.MapMyAgenda();
        app.MapWorkspace();
        app.MapRazorComponents<App>();
        return app;
    }

    private static void ToGateway(HttpClient http, WebsiteOptions website)
    {
        http.BaseAddress = website.Gateway;
        http.Timeout = TimeSpan.FromSeconds(10);
    }

    /// <summary>
    /// Everything from the site itself: its stylesheet and scripts are its own files (no inline script or style, no
    /// CDN), so pages work offline and an injected script has nowhere to run. Images may also come over https: an
    /// article's cover is an address the editor gave.
    /// </summary>
    private static void UseStrictContentSecurityPolicy(this WebApplication app) =>
        app.Use((context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; " +
                "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            context.Response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return next(context);
        });
}
