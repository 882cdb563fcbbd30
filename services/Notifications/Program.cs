using ForumPlatform.Notifications;
using ForumPlatform.Notifications.LiveStream;
using ForumPlatform.Notifications.Subscriptions;
using ForumPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNotificationsService();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi("/api/notifications/openapi/{documentName}.json");
app.MapSubscriptionsApi();
app.MapNotificationStream();

app.Run();
