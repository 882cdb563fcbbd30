using ForumPlatform.Identity.Server;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Identity.Data;

/// <summary>
/// At start-up: applies the committed migrations (SQLite in WAL mode, like every service), makes sure the four roles
/// exist, registers the website's client, and in Development seeds one person and one machine client per role with the
/// well-known development credentials the README lists.
/// </summary>
internal sealed partial class IdentityDatabase(
    IServiceScopeFactory scopes,
    IOptions<IdentityServerOptions> options,
    IHostEnvironment environment,
    ILogger<IdentityDatabase> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await PrepareAsync(scope.ServiceProvider, cancellationToken);
        LogMigrated(scope.ServiceProvider.GetRequiredService<IdentityDb>().Database.GetDbConnection().DataSource);

        var clients = scope.ServiceProvider.GetRequiredService<MachineClients>();
        var development = environment.IsDevelopment();
        await clients.RegisterWebClientAsync(options.Value.WebClient, development ? DevelopmentAccounts.WebClientSecret : null, cancellationToken);
        if (development)
        {
            await SeedDevelopmentAccountsAsync(scope.ServiceProvider, clients, cancellationToken);
        }
    }

    /// <summary>Migrations and the four roles: what the service and its commands need before anything else.</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<IdentityDb>();
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in ForumRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create the role {role}");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Person <c>{role}@forum.local</c> with password <c>DevelopmentPassword(role)</c>, client <c>dev-{role}</c> with secret <c>dev-{role}-secret</c>.</summary>
    private static async Task SeedDevelopmentAccountsAsync(IServiceProvider services, MachineClients clients, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<ForumUser>>();
        var applications = services.GetRequiredService<OpenIddict.Abstractions.IOpenIddictApplicationManager>();
        foreach (var role in ForumRoles.All)
        {
            var email = DevelopmentAccounts.Email(role);
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new ForumUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = $"Development {role}",
                    CreatedAt = DateTimeOffset.UtcNow,
                };
                Check(await users.CreateAsync(user, DevelopmentAccounts.Password(role)), $"create {email}");
                Check(await users.AddToRoleAsync(user, role), $"give {email} the role {role}");
            }

            var clientId = DevelopmentAccounts.ClientId(role);
            if (await applications.FindByClientIdAsync(clientId, cancellationToken) is null)
            {
                await clients.CreateAsync(clientId, $"Development {role} tool", DevelopmentAccounts.ClientSecret(role), [role], cancellationToken);
            }
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(LogLevel.Information, "IdentityDb is migrated ({DataSource})")]
    private partial void LogMigrated(string dataSource);
}
