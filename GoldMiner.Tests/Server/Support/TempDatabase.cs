using Microsoft.Data.Sqlite;

namespace GoldMiner.Tests.Server.Support;

/// <summary>A database file path in the temp folder, deleted (with its WAL files) afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"goldminer-test-{Guid.NewGuid():N}.db");

    /// <summary>Runs <paramref name="sql"/> on the file as an operator's tool would, beside (or instead of) the server.</summary>
    public void Execute(string sql) => Run(sql, command => command.ExecuteNonQuery());

    /// <summary>The first column of the first row <paramref name="sql"/> returns.</summary>
    public object? Scalar(string sql) => Run(sql, command => command.ExecuteScalar());

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private T Run<T>(string sql, Func<SqliteCommand, T> run)
    {
        // Not pooled: the file must be free for the server (and for deletion) as soon as this returns.
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return run(command);
    }
}
