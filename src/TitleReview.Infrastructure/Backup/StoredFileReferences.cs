using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TitleReview.Infrastructure.Backup;

/// <summary>
/// A column (or a property inside a JSON column) holding the storage keys of files in the file
/// store, with its SHA-256 beside it. Found in the model by name: a property <c>…StorageKey</c>
/// with its <c>…Sha256</c> sibling (DossierAttachment, SupplementFile, PaymentTransfer's voucher,
/// an integrity case's scans), so a new kind of upload is covered without touching the backup.
/// </summary>
public sealed record StoredFileColumn(string Table, string Column, string? HashColumn, string? JsonContainer, bool JsonCollection)
{
    /// <summary>Where a reference came from, as the operator's message names it.</summary>
    public string Source => JsonContainer is null ? $"{Table}.{Column}" : $"{Table}.{JsonContainer}[].{Column}";

    internal string Sql
    {
        get
        {
            var hash = HashColumn is null ? "NULL" : Value(HashColumn);
            var key = Value(Column);
            var from = JsonContainer is not null && JsonCollection
                ? $"{Quote(Table)} AS t, json_each(t.{Quote(JsonContainer)}) AS j"
                : $"{Quote(Table)} AS t";
            return $"SELECT {key}, {hash} FROM {from} WHERE {key} IS NOT NULL AND {key} <> ''";
        }
    }

    private string Value(string name) => JsonContainer switch
    {
        null => $"t.{Quote(name)}",
        _ when JsonCollection => $"json_extract(j.value, '$.{name}')",
        _ => $"json_extract(t.{Quote(JsonContainer)}, '$.{name}')",
    };

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>One stored file a row refers to.</summary>
public sealed record StoredFileReference(string StorageKey, string? Sha256, string Source);

public static class StoredFileReferences
{
    private const string KeySuffix = "StorageKey";
    private const string HashSuffix = "Sha256";

    /// <summary>Every column of the model that holds storage keys.</summary>
    public static IReadOnlyList<StoredFileColumn> ColumnsOf(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var columns = new List<StoredFileColumn>();
        foreach (var entity in model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => p.Name.EndsWith(KeySuffix, StringComparison.Ordinal) && p.ClrType == typeof(string)))
            {
                var hash = entity.FindProperty(property.Name[..^KeySuffix.Length] + HashSuffix);
                columns.Add(entity.IsMappedToJson() ? JsonColumn(entity, property, hash) : TableColumn(entity, property, hash));
            }
        }

        return columns;
    }

    /// <summary>The references in a SQLite database (a backup's snapshot or a restored file).</summary>
    public static IReadOnlyList<StoredFileReference> Read(SqliteConnection connection, IReadOnlyList<StoredFileColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(columns);
        var references = new List<StoredFileReference>();
        foreach (var column in columns)
        {
            using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Identifiers come from the EF model and are quoted; no input reaches the text.
            command.CommandText = column.Sql;
#pragma warning restore CA2100
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                references.Add(new StoredFileReference(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), column.Source));
            }
        }

        return references;
    }

    private static StoredFileColumn TableColumn(IEntityType entity, IProperty key, IProperty? hash)
    {
        var table = entity.GetTableName() ?? throw new NotSupportedException($"{entity.DisplayName()}.{key.Name} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        return new StoredFileColumn(table, key.GetColumnName(store)!, hash?.GetColumnName(store), null, false);
    }

    private static StoredFileColumn JsonColumn(IEntityType entity, IProperty key, IProperty? hash)
    {
        var ownership = entity.FindOwnership() ?? throw new NotSupportedException($"{entity.DisplayName()} is mapped to JSON without an owner.");
        if (ownership.PrincipalEntityType.IsMappedToJson())
        {
            throw new NotSupportedException($"{entity.DisplayName()}.{key.Name}: storage keys nested two JSON levels deep are not read by the backup.");
        }

        var table = ownership.PrincipalEntityType.GetTableName()
            ?? throw new NotSupportedException($"{ownership.PrincipalEntityType.DisplayName()} is not mapped to a table.");
        var container = entity.GetContainerColumnName() ?? throw new NotSupportedException($"{entity.DisplayName()} has no JSON column.");
        return new StoredFileColumn(table, key.GetJsonPropertyName() ?? key.Name, hash is null ? null : hash.GetJsonPropertyName() ?? hash.Name, container, !ownership.IsUnique);
    }
}
