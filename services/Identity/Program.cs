using ForumPlatform.Identity;
using ForumPlatform.Identity.Connect;
using ForumPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIdentityService();

var app = builder.Build();

app.UseIdentityPages();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapConnectApi();
app.MapRazorPages();

app.Run();
