using ForumPlatform.Gateway;
using ForumPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseServiceDefaults();
app.MapGatewayHealth();
app.MapReverseProxy();

app.Run();
