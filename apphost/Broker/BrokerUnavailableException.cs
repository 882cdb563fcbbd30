namespace ForumPlatform.AppHost.Broker;

/// <summary>No way to get a RabbitMQ broker was found; the message says how to get one.</summary>
public sealed class BrokerUnavailableException(string message) : Exception(message);
