using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ForumPlatform.Database;
using ForumPlatform.Identity.Api;
using ForumPlatform.Identity.Data;
using ForumPlatform.Identity.People;
using ForumPlatform.Identity.Server;
using ForumPlatform.Messaging;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;

namespace ForumPlatform.Identity;

public static class IdentityServiceExtensions
{
    /// <summary>The languages of the pages: English (the default), Chinese, Russian.</summary>
    public static readonly string[] Languages = ["en", "zh", "ru"];

    /// <summary>
    /// What the identity service consists of: its database, ASP.NET Core Identity for people (password policy,
    /// lockout), the OpenID Connect server, the sign-in limits, the audit log and the pages in three languages.
    /// </summary>
    public static IHostApplicationBuilder AddIdentityService(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IdentityServerOptions.SectionName);
        var options = section.Get<IdentityServerOptions>() ?? new IdentityServerOptions();
        builder.Services.Configure<IdentityServerOptions>(section);

        var connectionString = builder.Configuration.GetConnectionString("identity-db")
            ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "data", "identity.db")}";
        EnsureDirectoryExists(connectionString);
        builder.Services.AddDbContext<IdentityDb>(db => db.UseSqlite(connectionString).UseOpenIddict());

        builder.Services.AddIdentity<ForumUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 12;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireDigit = false;
                identity.Password.RequiredUniqueChars = 6;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.ClaimsIdentity.UserIdClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject;
                identity.ClaimsIdentity.UserNameClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Name;
                identity.ClaimsIdentity.RoleClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Role;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "forum.identity";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/account/signin";
            cookie.LogoutPath = "/account/signout";
            cookie.AccessDeniedPath = "/account/signin";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });

        builder.Services.AddDataProtection()
            .SetApplicationName("ForumPlatform.Identity")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(builder.Environment.ContentRootPath, options.DataProtectionDirectory)));

        // A reset link works for a day, once; a locked person's sign-in here ends within a minute.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(tokens => tokens.TokenLifespan = Accounts.ResetLinkLifetime);
        builder.Services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.FromMinutes(1));

        builder.AddOpenIdServer(options);
        builder.Services.AddAuthorizationBuilder().AddPolicy(IdentityApi.AdminPolicy, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireRole(ForumRoles.Admin));
        builder.Services.AddForumOpenApi(
            "People and machine clients of the platform, for admins: roles, locks, reset links, client secrets and the audit log. " +
            "Sign-in itself is OpenID Connect: see /.well-known/openid-configuration.",
            new Dictionary<string, string>
            {
                ["id"] = "The person's id.",
                ["role"] = "A role: editor, organizer, analyst or admin.",
                ["clientId"] = "The machine client's id.",
                ["search"] = "Part of an email or a name.",
                ["limit"] = "How many to answer, 1 to 1,000 (default 100).",
                ["subject"] = "The account or client the entries are about (a person's id or a client id).",
                ["kind"] = "One kind of entry, e.g. sign-in-failed or role-granted.",
                ["before"] = "Entries older than this id (the last id of the previous page).",
            });
        builder.Services.AddScoped<Accounts>();
        builder.Services.AddScoped<PasswordConfirmation>();
        builder.Services.AddScoped<MachineClients>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddSingleton<SignInLimiter>();
        builder.Services.AddHostedService<IdentityDatabase>();

        builder.Services.AddLocalization(localization => localization.ResourcesPath = "Resources");
        // Chinese and Russian written as themselves, not as numeric character references.
        builder.Services.Configure<WebEncoderOptions>(encoder => encoder.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRazorPages()
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(annotations =>
                annotations.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.Configure<RequestLocalizationOptions>(localization =>
        {
            var cultures = Languages.Select(language => new CultureInfo(language)).ToList();
            localization.DefaultRequestCulture = new RequestCulture("en");
            localization.SupportedCultures = cultures;
            localization.SupportedUICultures = cultures;
            // ?culture=zh, then the cookie it sets, then the browser's Accept-Language.
            localization.RequestCultureProviders.Insert(0, new QueryStringRequestCultureProvider());
        });
        return builder;
    }

    /// <summary>
    /// What the identity service tells the other services (an account deleted), through its outbox in its own
    /// database and the broker. Not for its commands, which run without a broker.
    /// </summary>
    public static IHostApplicationBuilder AddIdentityEvents(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityEvents>("identity");
        builder.AddForumMessaging<IdentityEvents>("identity");
        builder.Services.AddScoped<AccountDeletion>();
        return builder;
    }

    /// <summary>
    /// The pages' pipeline: a strict Content-Security-Policy on everything the service answers (its pages need
    /// nothing but their own stylesheet), the language of each request, static files.
    /// </summary>
    public static WebApplication UseIdentityPages(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy =
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        app.UseRequestLocalization();
        app.Use((context, next) =>
        {
            // A language chosen with ?culture= stays chosen on the next pages (the cookie the localization reads second).
            if (context.Request.Query["culture"].ToString() is { Length: > 0 } chosen && Languages.Contains(chosen))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            }

            return next(context);
        });
        app.UseStaticFiles();
        return app;
    }

    private static void EnsureDirectoryExists(string connectionString)
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
    }
}
