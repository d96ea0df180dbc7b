namespace Retenza.Postgres;

/// <summary>The schema could not be brought up to date: a migration failed or an applied one was changed.</summary>
public sealed class SchemaMigrationException : Exception
{
    public SchemaMigrationException(string message)
        : base(message)
    {
    }

    public SchemaMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
