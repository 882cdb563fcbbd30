using ForumPlatform.Agenda;
using ForumPlatform.Agenda.Api;
using ForumPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddAgendaService();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi("/api/agenda/openapi/{documentName}.json");
app.MapForumsApi();
app.MapScheduleApi();
app.MapProgrammeApi();
app.MapTracksRoomsSpeakersApi();
app.MapExportsApi();
app.MapStarsApi();

app.Run();
