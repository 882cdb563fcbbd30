using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ForumPlatform.Database;

/// <summary>
/// One prepared INSERT of <typeparamref name="TEntity"/> rows on the open write's transaction, for the hot paths where
/// the change tracker costs seconds (thousands of rows from one message). Nothing is written by hand: the table, the
/// columns and each value's storage format (GUID text, UTC times, enums as text) come from the EF model and its type
/// mappings, so a renamed column or a changed converter changes this statement too.
/// </summary>
public sealed class BulkInsert<TEntity> : IAsyncDisposable where TEntity : class
{
    private readonly DbCommand command;
    private readonly IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping, string Name)> columns;

    private BulkInsert(DbCommand command, IReadOnlyList<(IProperty, RelationalTypeMapping, string)> columns)
    {
        this.command = command;
        this.columns = columns;
    }

    /// <summary>Prepares the statement; every column of the entity but one the database generates (an integer key).</summary>
    public static async Task<BulkInsert<TEntity>> PrepareAsync(DbContext db, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException($"Rows of {typeof(TEntity).Name} are inserted inside a write (BeginWriteAsync).");
        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not an entity of {db.GetType().Name}.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();

        var columns = entityType.GetProperties()
            .Where(property => !IsGeneratedByDatabase(property))
            .Select((property, i) => (Property: property, Mapping: property.GetRelationalTypeMapping(), Name: sql.GenerateParameterName($"p{i}")))
            .ToList();

        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", columns.Select(column => sql.DelimitIdentifier(column.Property.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", columns.Select(column => column.Name))})";
        await command.PrepareAsync(cancellationToken);
        return new BulkInsert<TEntity>(command, columns);
    }

    private static bool IsGeneratedByDatabase(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && (property.ClrType == typeof(int) || property.ClrType == typeof(long));

    public async Task AddAsync(TEntity row, CancellationToken cancellationToken)
    {
        command.Parameters.Clear();
        foreach (var (property, mapping, name) in columns)
        {
            // The type mapping converts the value to its stored form, as SaveChanges would.
            command.Parameters.Add(mapping.CreateParameter(command, name, property.GetGetter().GetClrValue(row), property.IsNullable));
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();
}
