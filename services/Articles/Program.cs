using ForumPlatform.Articles;
using ForumPlatform.Articles.Api;
using ForumPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddArticlesService();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi("/api/articles/openapi/{documentName}.json");
app.MapArticlesApi();
app.MapSearchApi();
app.MapFeedsApi();
app.MapEditorApi();

app.Run();
