using GoldMiner.Server.Persistence;
using Microsoft.Data.Sqlite;

namespace GoldMiner.Tests.Server.Support;

/// <summary>A database file path in the temp folder, deleted (with its WAL files and journal log) afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"goldminer-test-{Guid.NewGuid():N}.db");

    /// <summary>Runs <paramref name="sql"/> on the file as an operator's tool would, beside (or instead of) the server.</summary>
    public void Execute(string sql) => Run(sql, command => command.ExecuteNonQuery());

    /// <summary>The first column of the first row <paramref name="sql"/> returns.</summary>
    public object? Scalar(string sql) => Run(sql, command => command.ExecuteScalar());

    /// <summary>The journal log's folder beside the file.</summary>
    public string LogDirectory => SqliteGameStore.LogDirectoryOf(Path);

    public void Dispose() => Delete(Path);

    /// <summary>Deletes the database at <paramref name="path"/>, its WAL files and its journal log.</summary>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        var log = SqliteGameStore.LogDirectoryOf(path);
        if (Directory.Exists(log))
        {
            Directory.Delete(log, recursive: true);
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
