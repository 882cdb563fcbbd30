using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ForumPlatform.Database;

/// <summary>
/// Per-connection SQLite settings. <c>busy_timeout</c> lets SQLite wait for the write lock with its own short
/// backoff; without it the ADO.NET provider retries a busy database only every 150 ms, which showed as
/// long latency tails when a consumer, the outbox relay and a request write at once. <c>synchronous=NORMAL</c>
/// is the usual pairing with WAL: a commit survives a crash of the process, though not of the machine.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
