namespace IamService.Api.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Whether pending migrations are applied when the service starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// The folder of the SQLite file when no connection string is configured, relative to the content root.
    /// </summary>
    public string SqliteDirectory { get; set; } = "data";
}
