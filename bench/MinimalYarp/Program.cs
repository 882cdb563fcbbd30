using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Yarp.ReverseProxy.Configuration;

// YARP and nothing else, for the gateway-vs-nginx bench: one catch-all route to the address in Upstream, no
// authentication, rate limits, telemetry or middleware. It is the floor under the gateway: what YARP itself adds
// on this machine. InlineScheduling=true runs requests on the sockets' I/O threads, as the gateway does.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.Configure<SocketTransportOptions>(sockets =>
    sockets.UnsafePreferInlineScheduling = builder.Configuration.GetValue<bool>("InlineScheduling"));
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "upstream", Match = new RouteMatch { Path = "{**path}" } }],
    [
        new ClusterConfig
        {
            ClusterId = "upstream",
            Destinations = new Dictionary<string, DestinationConfig>
            {
                ["upstream"] = new() { Address = builder.Configuration["Upstream"] ?? throw new InvalidOperationException("Set Upstream to the address to proxy to.") },
            },
        },
    ]);

var app = builder.Build();
app.MapReverseProxy();
app.Run();
