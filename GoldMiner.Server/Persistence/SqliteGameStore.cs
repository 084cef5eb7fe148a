using System.Globalization;
using GoldMiner.Core;
using GoldMiner.Server.Configuration;
using GoldMiner.Server.Logging;
using GoldMiner.Server.Protocol;
using GoldMiner.Server.Persistence.LogFiles;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GoldMiner.Server.Persistence;

/// <summary>
/// The embedded default store: a journal log (<see cref="JournalLog"/>) in front of one SQLite
/// file (ConnectionStrings:GoldMiner), both created on first run. A batch is written when the log
/// has it on disk; SQLite gets the records a moment later from <see cref="SqliteGameWriter"/>,
/// a game's events as one row when it ends. The log lives beside the file, in "&lt;file&gt;-log".
/// </summary>
/// <remarks>
/// At start the log is read back from the first record SQLite lacks: a crash loses nothing that
/// was acknowledged, and a batch torn by the crash (never acknowledged) is dropped. Then SQLite
/// is brought up to date, and a fresh log begins.
/// </remarks>
public sealed class SqliteGameStore(IConfiguration configuration, IOptions<GoldMinerOptions> options, ILogger<SqliteGameStore> logger)
    : IGameStore, IDisposable
{
    public const string DefaultConnectionString = "Data Source=goldminer.db";

    /// <summary>How long a read waits for SQLite to catch up with the log before it reads what is there.</summary>
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(5);

    private readonly string connectionString = configuration.GetConnectionString("GoldMiner") ?? DefaultConnectionString;
    private SqliteConnection? writer;
    private SqliteGameWriter? games;
    private JournalLog? log;

    /// <summary>The journal log's folder for the database file <paramref name="file"/>.</summary>
    public static string LogDirectoryOf(string file) => file + "-log";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        try
        {
            writer = new SqliteConnection(connectionString);
            await writer.OpenAsync(cancellationToken);
            Execute(writer, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;");

            // The writer's statements run through SQLite's own API (SqliteRawStatement), which
            // does not retry a locked database the way Microsoft.Data.Sqlite's commands do: let
            // SQLite wait as long as those would (someone's backup holding the file a moment).
            Execute(writer, $"PRAGMA busy_timeout = {writer.DefaultTimeout * 1000};");
            var check = Scalar(writer, "PRAGMA quick_check;");
            if (!string.Equals(check, "ok", StringComparison.OrdinalIgnoreCase))
            {
                throw new GameStoreUnavailableException($"The game database '{file}' is damaged ({check}).");
            }

            Upgrade(writer, file);
            games = new SqliteGameWriter(writer, logger);
            ReplayLog(file);
        }
        catch (SqliteException e)
        {
            throw new GameStoreUnavailableException(
                $"The game database '{file}' cannot be used: {e.Message} Fix or move the file, or point ConnectionStrings:GoldMiner at another one.", e);
        }
    }

    public Task WriteAsync(IReadOnlyList<JournalRecord> batch, CancellationToken cancellationToken)
    {
        var first = (log ?? throw new InvalidOperationException("InitializeAsync first.")).Append(batch);
        games!.Enqueue(first, batch);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<StoredRoom>> LoadOpenRoomsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        var openings = ReadOpenings(connection, "WHERE finished_at IS NULL AND closed_at IS NULL ORDER BY num");
        return openings.Select(o => new StoredRoom(o.Opened, ReadEvents(connection, o.Num, o.Opened.RoomId), null)).ToList();
    }

    public async Task<StoredRoom?> LoadRoomAsync(string roomId, CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        await using var connection = await OpenReaderAsync(cancellationToken);
        var opening = ReadOpenings(connection, "WHERE id = $id", ("$id", roomId)).FirstOrDefault();
        return opening.Opened is null ? null : new StoredRoom(opening.Opened, ReadEvents(connection, opening.Num, roomId), opening.FinishedAt);
    }

    public async Task<IReadOnlyList<(RoomOpened Opened, RoomFinished Finished)>> ListFinishedAsync(int limit, CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        await using var connection = await OpenReaderAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, name, rules, rows, cols, gold, seed, created_at, finished_at, winner, reason
            FROM rooms WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var games = new List<(RoomOpened, RoomFinished)>();
        while (reader.Read())
        {
            var opened = ReadOpened(reader);
            var reason = WireNames.ParseReason(reader.GetString(10))
                ?? throw new GameStoreUnavailableException($"Room {opened.RoomId} has an unknown end reason '{reader.GetString(10)}'.");
            games.Add((opened, new RoomFinished(opened.RoomId, Time(reader.GetString(8)), reader.IsDBNull(9) ? null : reader.GetInt32(9), reason)));
        }

        return games;
    }

    public void Dispose()
    {
        games?.Dispose();
        log?.Dispose();
        writer?.Dispose();
    }

    private static RoomOpened ReadOpened(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        new GameOptions(reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), WireNames.ParseRules(reader.GetString(2)) ?? GameRules.Classic),
        reader.GetInt64(6),
        Time(reader.GetString(7)));

    private static List<(RoomOpened Opened, DateTimeOffset? FinishedAt, long Num)> ReadOpenings(SqliteConnection connection, string where, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, name, rules, rows, cols, gold, seed, created_at, finished_at, num FROM rooms {where}";
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var rooms = new List<(RoomOpened, DateTimeOffset?, long)>();
        while (reader.Read())
        {
            rooms.Add((ReadOpened(reader), reader.IsDBNull(8) ? null : Time(reader.GetString(8)), reader.GetInt64(9)));
        }

        return rooms;
    }

    private static List<RoomEventRecord> ReadEvents(SqliteConnection connection, long roomNum, string roomId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT events FROM game_events WHERE room_num = $num";
        command.Parameters.AddWithValue("$num", roomNum);
        try
        {
            return command.ExecuteScalar() is byte[] blob ? RecordEncoding.ReadEvents(blob, roomId) : [];
        }
        catch (InvalidDataException e)
        {
            throw new GameStoreUnavailableException($"The events of room {roomId} in the game database are damaged: {e.Message}", e);
        }
    }

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Schema 1 and 2 files are upgraded in place, in one transaction: one that fails leaves the file as it was.</summary>
    private void Upgrade(SqliteConnection connection, string file)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, SqliteSchema.CreateSchemaInfo, transaction);
        var version = Scalar(connection, "SELECT MAX(version) FROM schema_info;", transaction) is { } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : (int?)null;
        switch (version)
        {
            case null:
                Execute(connection, SqliteSchema.Create, transaction);
                break;
            case 1:
                Execute(connection, SqliteSchema.MigrateFromVersion1, transaction);
                goto case 2;
            case 2:
                Execute(connection, SqliteSchema.AddGameEvents, transaction);
                SqliteEventsToGames.Move(connection, transaction);
                Execute(connection, SqliteSchema.DropRoomEvents, transaction);
                break;
            case > SqliteSchema.Version:
                throw new GameStoreUnavailableException($"The game database '{file}' was written by a newer GoldMiner (schema {version}).");
        }

        if (version != SqliteSchema.Version)
        {
            Execute(connection, $"DELETE FROM schema_info; INSERT INTO schema_info (version) VALUES ({SqliteSchema.Version});", transaction);
        }

        transaction.Commit();
        if (version is { } from && from != SqliteSchema.Version)
        {
            Log.SchemaUpgraded(logger, file, from, SqliteSchema.Version);
        }
    }

    /// <summary>Writes into SQLite what the log holds beyond it, checkpoints, and starts a fresh log.</summary>
    private void ReplayLog(string file)
    {
        var directory = LogDirectoryOf(file);
        var appliedLsn = long.Parse(Scalar(writer!, "SELECT applied_lsn FROM journal_state;")!, CultureInfo.InvariantCulture);
        try
        {
            var (records, nextLsn) = JournalLogReader.Read(directory, appliedLsn);
            games!.Replay(records);
            games.Checkpoint(nextLsn);
            if (records.Count > 0)
            {
                Log.LogReplayed(logger, records.Count, directory);
            }

            log = JournalLog.Start(directory, nextLsn, (long)options.Value.JournalSegmentMegabytes << 20, sync: options.Value.JournalSynchronous != "Normal");
            games.Start(log);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new GameStoreUnavailableException($"The journal log '{directory}' cannot be used: {e.Message}", e);
        }
    }

    /// <summary>Waits (a bounded while) until SQLite holds everything the log does, so a reader sees every game written so far.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await games!.WrittenBeforeAsync(log!.NextLsn).WaitAsync(CatchUpLimit, cancellationToken);
        }
        catch (TimeoutException)
        {
            // SQLite is refusing writes (logged by the writer): serve what it has rather than nothing.
        }
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
