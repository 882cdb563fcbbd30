using ForumPlatform.ServiceDefaults;

// Prints a development bearer token for one or more roles, signed with the development key that every
// service accepts in Development only:  dotnet run --project tools/DevToken -- editor [organizer ...] [--hours 8]
var hours = 8.0;
var roles = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--hours" && i + 1 < args.Length && double.TryParse(args[++i], out var parsed) && parsed > 0)
    {
        hours = parsed;
    }
    else if (ForumRoles.All.Contains(args[i]))
    {
        roles.Add(args[i]);
    }
    else
    {
        Console.Error.WriteLine($"usage: dev-token ROLE [ROLE ...] [--hours N]   (roles: {string.Join(", ", ForumRoles.All)})");
        return 2;
    }
}

if (roles.Count == 0)
{
    Console.Error.WriteLine($"Name at least one role: {string.Join(", ", ForumRoles.All)}");
    return 2;
}

var options = new ForumAuthOptions { SigningKey = ForumAuthentication.DevelopmentSigningKey };
Console.WriteLine(DevelopmentTokens.Create(options, $"dev-{string.Join('-', roles)}", roles, TimeSpan.FromHours(hours)));
return 0;
