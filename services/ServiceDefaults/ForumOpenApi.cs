using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace ForumPlatform.ServiceDefaults;

/// <summary>
/// Every service's OpenAPI document: the bearer scheme, declared on each operation that needs a token (with its
/// 401 and 403 answers), and problem details as every operation's error shape.
/// </summary>
public static class ForumOpenApi
{
    private const string Bearer = "bearer";
    private const string Problem = "ProblemDetails";

    /// <param name="services">The service's services.</param>
    /// <param name="description">What the service's API is for, shown at the top of its reference.</param>
    /// <param name="parameterDescriptions">
    /// Descriptions of the parameters a service's routes share, for those that carry none of their own: by name
    /// (<c>slug</c>), or by the path segment before it and its name (<c>speakers/id</c>), which wins.
    /// </param>
    public static IServiceCollection AddForumOpenApi(
        this IServiceCollection services, string description, IReadOnlyDictionary<string, string>? parameterDescriptions = null) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, context, _) =>
            {
                document.Info.Description = description;
                // Whoever runs the forum answers for its API; OpenApi:Contact (Name, Email, Url) says who that is.
                var contact = context.ApplicationServices.GetRequiredService<IConfiguration>().GetSection("OpenApi:Contact");
                document.Info.Contact = new OpenApiContact
                {
                    Name = contact["Name"] ?? "ForumPlatform",
                    Email = contact["Email"],
                    Url = Uri.TryCreate(contact["Url"], UriKind.Absolute, out var url) ? url : null,
                };
                // The server is the address the document was fetched from; paths start with '/', so no slash after it.
                foreach (var server in document.Servers ?? [])
                {
                    server.Url = server.Url?.TrimEnd('/');
                }

                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A JWT with roles (editor, organizer, analyst, admin); for one subscription, its fpsub_ management token.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DescribeTokensAndErrorsAsync);
            if (parameterDescriptions is not null)
            {
                options.AddOperationTransformer((operation, context, _) =>
                {
                    DescribeParameters(operation, context.Description.RelativePath ?? "", parameterDescriptions);
                    return Task.CompletedTask;
                });
            }
        });

    private static void DescribeParameters(OpenApiOperation operation, string path, IReadOnlyDictionary<string, string> descriptions)
    {
        var segments = path.Split('/');
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(parameter => string.IsNullOrEmpty(parameter.Description)))
        {
            var index = Array.FindIndex(segments, segment =>
                segment.StartsWith($"{{{parameter.Name}}}", StringComparison.Ordinal) || segment.StartsWith($"{{{parameter.Name}:", StringComparison.Ordinal));
            var scoped = index > 0 ? $"{segments[index - 1]}/{parameter.Name}" : null;
            if ((scoped is not null && descriptions.TryGetValue(scoped, out var description))
                || descriptions.TryGetValue(parameter.Name ?? "", out description))
            {
                parameter.Description = description;
            }
        }
    }

    private static async Task DescribeTokensAndErrorsAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(Problem) != true)
        {
            document.AddComponent<IOpenApiSchema>(Problem, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken));
        }

        var problem = new OpenApiSchemaReference(Problem, document);
        operation.Responses ??= new OpenApiResponses();
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }];
            operation.Responses.TryAdd("401", ProblemResponse("No valid bearer token.", problem));
            operation.Responses.TryAdd("403", ProblemResponse("The token lacks the role this needs.", problem));
        }

        operation.Responses.TryAdd("default", ProblemResponse("An error, as RFC 9457 problem details.", problem));
    }

    private static OpenApiResponse ProblemResponse(string description, OpenApiSchemaReference problem) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
    };
}
