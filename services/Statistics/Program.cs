using ForumPlatform.ServiceDefaults;
using ForumPlatform.Statistics;
using ForumPlatform.Statistics.Api;
using ForumPlatform.Statistics.Platform;

if (args.FirstOrDefault() == PlatformFiguresCommand.Name)
{
    return await PlatformFiguresCommand.RunAsync(args[1..]);
}

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
return 0;
