using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ForumPlatform.Messaging;

public static class MessagingExtensions
{
    /// <summary>The connection string every service reads its broker from.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit over RabbitMQ (connection string <c>messaging</c>) with the outbox relay and, on every
    /// receive endpoint, retries for transient failures and the inbox. Queues are named
    /// <c>{service}-{consumer}</c>; messages that still fail go to the queue's <c>_error</c> queue.
    /// </summary>
    public static IHostApplicationBuilder AddForumMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? addConsumers = null)
        where TDbContext : MessagingDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} is not set; it names the RabbitMQ broker (amqp://user:password@host:port/).");

        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.SectionName));
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<MessagingDbContext>(services => services.GetRequiredService<TDbContext>());
        builder.Services.AddHostedService<OutboxRelay<TDbContext>>();

        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            addConsumers?.Invoke(bus);

            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Handle<DbUpdateException>();
                    retry.Handle<SqliteException>();
                    retry.Handle<TimeoutException>();
                    retry.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
                });
                endpoint.UseConsumeFilter(typeof(InboxFilter<>), context);
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
