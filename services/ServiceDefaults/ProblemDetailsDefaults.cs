using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ForumPlatform.ServiceDefaults;

public static class ProblemDetailsDefaults
{
    /// <summary>
    /// Every error answers with RFC 9457 problem details: unreadable request bodies (400 naming the JSON path),
    /// unhandled exceptions (500 without internals), and empty 4xx/5xx responses such as 401 and 403.
    /// </summary>
    public static IHostApplicationBuilder AddProblemDetailsDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures throw so the handler above can say which field was unreadable.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    public static WebApplication UseProblemDetailsDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}

/// <summary>Turns a request the framework could not read (bad JSON, wrong content type) into a 4xx problem.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var problem = new ValidationProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode == StatusCodes.Status415UnsupportedMediaType
                ? "Unsupported content type."
                : "The request could not be read.",
            Detail = badRequest.Message,
        };

        if (badRequest.InnerException is System.Text.Json.JsonException json)
        {
            problem.Errors[json.Path ?? "$"] = [json.Message];
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
