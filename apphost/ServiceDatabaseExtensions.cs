namespace ForumPlatform.AppHost;

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// Where the service keeps its SQLite file. By default each service uses <c>data/{name}.db</c> in its own
    /// folder; <c>Data:Directory</c> in the app host's configuration puts all of them in one folder instead
    /// (the end-to-end tests use a fresh one per run).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceDatabase(this IResourceBuilder<ProjectResource> service)
    {
        var directory = service.ApplicationBuilder.Configuration["Data:Directory"];
        if (string.IsNullOrWhiteSpace(directory))
        {
            return service;
        }

        var path = Path.Combine(Path.GetFullPath(directory), $"{service.Resource.Name}.db");
        return service.WithEnvironment($"ConnectionStrings__{service.Resource.Name}-db", $"Data Source={path}");
    }
}
