using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;

// Prints an access token for one role, issued by the running identity service to that role's development client
// (client credentials; the identity service creates these clients in Development only):
//   dotnet run --project tools/DevToken -- editor [--authority http://localhost:5100]
var authority = Environment.GetEnvironmentVariable("FORUM_AUTHORITY") ?? "http://localhost:5100";
string? role = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--authority" && i + 1 < args.Length)
    {
        authority = args[++i];
    }
    else if (role is null && ForumRoles.All.Contains(args[i]))
    {
        role = args[i];
    }
    else
    {
        return Usage();
    }
}

if (role is null)
{
    return Usage();
}

using var http = new HttpClient { BaseAddress = new Uri(authority.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
try
{
    var metadata = await http.GetFromJsonAsync<JsonElement>(".well-known/openid-configuration");
    using var response = await http.PostAsync(metadata.GetProperty("token_endpoint").GetString(), new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = DevelopmentAccounts.ClientId(role),
        ["client_secret"] = DevelopmentAccounts.ClientSecret(role),
    }));
    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
    if (!response.IsSuccessStatusCode)
    {
        Console.Error.WriteLine($"The identity service refused: {body}");
        return 1;
    }

    Console.WriteLine(body.GetProperty("access_token").GetString());
    return 0;
}
catch (HttpRequestException exception)
{
    Console.Error.WriteLine($"No identity service answers at {authority} ({exception.Message}). Start the platform with ./run.sh first.");
    return 1;
}

static int Usage()
{
    Console.Error.WriteLine($"usage: dev-token ROLE [--authority URL]   (roles: {string.Join(", ", ForumRoles.All)}; URL default http://localhost:5100 or $FORUM_AUTHORITY)");
    return 2;
}
