using ForumPlatform.Notifications;
using ForumPlatform.Notifications.Api;
using ForumPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNotificationsService();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi("/api/notifications/openapi/{documentName}.json");
app.MapSubscriptionsApi();
app.MapStreamApi();
app.MapEventCatalogApi();

app.Run();
