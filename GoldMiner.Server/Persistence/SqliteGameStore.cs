using System.Globalization;
using GoldMiner.Core;
using GoldMiner.Server.Configuration;
using GoldMiner.Server.Logging;
using GoldMiner.Server.Protocol;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GoldMiner.Server.Persistence;

/// <summary>
/// The embedded default store: one SQLite file (ConnectionStrings:GoldMiner), created on first run.
/// WAL mode lets readers run beside the single writer; synchronous=FULL (the default) makes every
/// committed batch survive a power cut, and group commit keeps that affordable.
/// </summary>
public sealed class SqliteGameStore(IConfiguration configuration, IOptions<GoldMinerOptions> options, ILogger<SqliteGameStore> logger)
    : IGameStore, IDisposable
{
    public const string DefaultConnectionString = "Data Source=goldminer.db";

    private readonly string connectionString = configuration.GetConnectionString("GoldMiner") ?? DefaultConnectionString;
    private SqliteConnection? writer;
    private SqliteJournalStatements? statements;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        try
        {
            writer = new SqliteConnection(connectionString);
            await writer.OpenAsync(cancellationToken);
            var synchronous = options.Value.JournalSynchronous == "Normal" ? "NORMAL" : "FULL";
            Execute(writer, $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous}; PRAGMA foreign_keys = ON;");

            // The journal's statements run through SQLite's own API (SqliteRawStatement), which
            // does not retry a locked database the way Microsoft.Data.Sqlite's commands do: let
            // SQLite wait as long as those would (someone's backup holding the file a moment).
            Execute(writer, $"PRAGMA busy_timeout = {writer.DefaultTimeout * 1000};");
            var check = Scalar(writer, "PRAGMA quick_check;");
            if (!string.Equals(check, "ok", StringComparison.OrdinalIgnoreCase))
            {
                throw new GameStoreUnavailableException($"The game database '{file}' is damaged ({check}).");
            }

            using var transaction = writer.BeginTransaction();
            Execute(writer, SqliteSchema.CreateSchemaInfo, transaction);
            var version = Scalar(writer, "SELECT MAX(version) FROM schema_info;", transaction) is { } text
                ? int.Parse(text, CultureInfo.InvariantCulture)
                : (int?)null;
            switch (version)
            {
                case null:
                    Execute(writer, SqliteSchema.Create, transaction);
                    break;
                case 1:
                    Execute(writer, SqliteSchema.MigrateFromVersion1, transaction);
                    break;
                case > SqliteSchema.Version:
                    throw new GameStoreUnavailableException($"The game database '{file}' was written by a newer GoldMiner (schema {version}).");
            }

            if (version != SqliteSchema.Version)
            {
                Execute(writer, $"DELETE FROM schema_info; INSERT INTO schema_info (version) VALUES ({SqliteSchema.Version});", transaction);
            }

            transaction.Commit();
            if (version is { } from && from != SqliteSchema.Version)
            {
                Log.SchemaUpgraded(logger, file, from, SqliteSchema.Version);
            }

            statements = new SqliteJournalStatements(writer);
        }
        catch (SqliteException e)
        {
            throw new GameStoreUnavailableException(
                $"The game database '{file}' cannot be used: {e.Message} Fix or move the file, or point ConnectionStrings:GoldMiner at another one.", e);
        }
    }

    public Task WriteAsync(IReadOnlyList<JournalRecord> batch, CancellationToken cancellationToken)
    {
        (statements ?? throw new InvalidOperationException("InitializeAsync first.")).WriteAll(batch);
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
        await using var connection = await OpenReaderAsync(cancellationToken);
        var opening = ReadOpenings(connection, "WHERE id = $id", ("$id", roomId)).FirstOrDefault();
        return opening.Opened is null ? null : new StoredRoom(opening.Opened, ReadEvents(connection, opening.Num, roomId), opening.FinishedAt);
    }

    public async Task<IReadOnlyList<(RoomOpened Opened, RoomFinished Finished)>> ListFinishedAsync(int limit, CancellationToken cancellationToken)
    {
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
        statements?.Dispose();
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
        command.CommandText = """
            SELECT seq, kind, seat, cell_row, cell_col, name, token_hash, at
            FROM room_events WHERE room_num = $num ORDER BY seq
            """;
        command.Parameters.AddWithValue("$num", roomNum);
        using var reader = command.ExecuteReader();
        var events = new List<RoomEventRecord>();
        while (reader.Read())
        {
            events.Add(new RoomEventRecord(
                roomId,
                reader.GetInt64(0),
                Enum.Parse<RoomEventKind>(reader.GetString(1), ignoreCase: true),
                reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : (byte[])reader.GetValue(6),
                Time(reader.GetString(7))));
        }

        return events;
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

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
