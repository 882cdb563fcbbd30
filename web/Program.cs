using ForumPlatform.ServiceDefaults;
using ForumPlatform.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddHostingDefaults();
builder.AddWebsite();

var app = builder.Build();

app.UseWebsite();
app.MapWebsite();

app.Run();
