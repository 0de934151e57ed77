namespace IamService.Api.Storage;

/// <summary>The database engines the store runs on.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file; the default, for a single instance.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql; for production and for several instances.</summary>
    Postgres,
}
