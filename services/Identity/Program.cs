using ForumPlatform.Identity;
using ForumPlatform.Identity.Api;
using ForumPlatform.Identity.Commands;
using ForumPlatform.Identity.Connect;
using ForumPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

if (args is [CreateAdminCommand.Name, ..])
{
    builder.AddIdentityService();
    return await CreateAdminCommand.RunAsync(builder.Build(), args);
}

builder.AddServiceDefaults();
builder.AddIdentityService();
builder.AddIdentityEvents();

var app = builder.Build();

app.UseIdentityPages();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi("/api/identity/openapi/{documentName}.json");
app.MapConnectApi();
app.MapPeopleApi();
app.MapClientsApi();
app.MapAuditApi();
app.MapRazorPages();

app.Run();
return 0;
