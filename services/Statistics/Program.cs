using ForumPlatform.ServiceDefaults;
using ForumPlatform.Statistics;
using ForumPlatform.Statistics.Api;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddStatisticsService();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi("/api/stats/openapi/{documentName}.json");
app.MapIndicatorsApi();
app.MapObservationsApi();
app.MapSeriesApi();
app.MapImportsApi();
app.MapPlatformFiguresApi();

app.Run();
