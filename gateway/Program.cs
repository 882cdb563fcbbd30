using ForumPlatform.Gateway;
using ForumPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseGateway();
app.MapGateway();

app.Run();

/// <summary>The gateway's entry point, public so tests can host it (WebApplicationFactory).</summary>
public partial class Program;
