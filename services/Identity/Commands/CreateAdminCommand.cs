using ForumPlatform.Identity.Data;
using ForumPlatform.Identity.People;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Identity;

namespace ForumPlatform.Identity.Commands;

/// <summary>
/// <c>dotnet run --project services/Identity -- create-admin EMAIL</c>: the first admin of a new deployment (or another
/// one). Creates the person without a password (or takes the existing account), gives them the admin role and prints a
/// one-time link, valid 24 hours, to set the password. Runs against the service's database and configuration, with or
/// without the service running.
/// </summary>
internal static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static async Task<int> RunAsync(WebApplication app, IReadOnlyList<string> args)
    {
        var email = args.Count > 1 ? args[1].Trim() : "";
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email) || email.Length > 256)
        {
            Console.Error.WriteLine("usage: create-admin EMAIL");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await IdentityDatabase.PrepareAsync(services, CancellationToken.None);
        var users = services.GetRequiredService<UserManager<ForumUser>>();
        var accounts = services.GetRequiredService<Accounts>();

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ForumUser { UserName = email, Email = email, DisplayName = email.Split('@')[0], CreatedAt = DateTimeOffset.UtcNow };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                Console.Error.WriteLine($"Could not create {email}: {string.Join(" ", created.Errors.Select(error => error.Description))}");
                return 1;
            }

            await services.GetRequiredService<AuditLog>().AddAsync(AuditKinds.AccountCreated, user.Id, Name, null, "create-admin", CancellationToken.None);
        }

        var granted = await accounts.GrantRoleAsync(user, ForumRoles.Admin, Name, null, CancellationToken.None);
        if (!granted.Succeeded)
        {
            Console.Error.WriteLine($"Could not make {email} an admin: {string.Join(" ", granted.Errors.Select(error => error.Description))}");
            return 1;
        }

        // Without Identity:Issuer the link names the address ./run.sh serves the gateway on.
        var (link, expires) = await accounts.CreateResetLinkAsync(user, new Uri("http://localhost:5100/"), Name, null, CancellationToken.None);
        Console.WriteLine($"{email} is an admin. To set the password, open this link before {expires:yyyy-MM-dd HH:mm} UTC; it works once:");
        Console.WriteLine(link);
        return 0;
    }
}
