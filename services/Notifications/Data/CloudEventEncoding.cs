using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;

namespace ForumPlatform.Notifications.Data;

/// <summary>
/// Turns a received event into the CloudEvents 1.0 structured JSON every channel carries (webhook body, stream
/// data, exchange message), built with the CloudEvents SDK so it reads back with any of its SDKs.
/// </summary>
public static class CloudEventEncoding
{
    public const string ContentType = "application/cloudevents+json";

    private static readonly JsonEventFormatter Formatter = new();

    public static CloudEvent ToCloudEvent(ReceivedEvent received)
    {
        using var data = JsonDocument.Parse(received.Data);
        return new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = received.Id.ToString(),
            Source = new Uri(received.Source, UriKind.RelativeOrAbsolute),
            Type = received.Type,
            Time = received.OccurredAt,
            Subject = received.Subject,
            DataContentType = MediaTypeNames.Application.Json,
            Data = data.RootElement.Clone(),
        };
    }

    /// <summary>The event in structured mode, UTF-8 JSON.</summary>
    public static byte[] Encode(ReceivedEvent received) =>
        Formatter.EncodeStructuredModeMessage(ToCloudEvent(received), out _).ToArray();
}
