using GoldMiner.Server.Persistence;
using GoldMiner.Tests.Server.Support;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server;

/// <summary>A database written by an older GoldMiner opens under this one with every game intact.</summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    /// <summary>Schema 1 as it shipped: events keyed by the room's public id.</summary>
    private const string Version1Tables = """
        CREATE TABLE schema_info (version INTEGER NOT NULL);
        INSERT INTO schema_info (version) VALUES (1);
        CREATE TABLE rooms (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, rules TEXT NOT NULL, rows INTEGER NOT NULL,
            cols INTEGER NOT NULL, gold INTEGER NOT NULL, seed BIGINT NOT NULL, created_at TEXT NOT NULL,
            finished_at TEXT NULL, winner INTEGER NULL, reason TEXT NULL, closed_at TEXT NULL);
        CREATE INDEX rooms_by_finished_at ON rooms (finished_at);
        CREATE TABLE room_events (
            room_id TEXT NOT NULL REFERENCES rooms (id), seq BIGINT NOT NULL, kind TEXT NOT NULL,
            seat INTEGER NOT NULL, cell_row INTEGER NULL, cell_col INTEGER NULL, name TEXT NULL,
            token_hash BLOB NULL, at TEXT NOT NULL, PRIMARY KEY (room_id, seq));
        """;

    /// <summary>Schema 2 as it shipped: rooms numbered, events a row each under the room's number.</summary>
    private const string Version2Tables = """
        CREATE TABLE schema_info (version INTEGER NOT NULL);
        INSERT INTO schema_info (version) VALUES (2);
        CREATE TABLE rooms (
            num INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, rules TEXT NOT NULL,
            rows INTEGER NOT NULL, cols INTEGER NOT NULL, gold INTEGER NOT NULL, seed BIGINT NOT NULL,
            created_at TEXT NOT NULL, finished_at TEXT NULL, winner INTEGER NULL, reason TEXT NULL, closed_at TEXT NULL);
        CREATE INDEX rooms_by_finished_at ON rooms (finished_at);
        CREATE TABLE room_events (
            room_num INTEGER NOT NULL REFERENCES rooms (num), seq BIGINT NOT NULL, kind TEXT NOT NULL,
            seat INTEGER NOT NULL, cell_row INTEGER NULL, cell_col INTEGER NULL, name TEXT NULL,
            token_hash BLOB NULL, at TEXT NOT NULL, PRIMARY KEY (room_num, seq));
        """;

    private readonly TempDatabase played = new();
    private readonly TempDatabase older = new();

    public void Dispose()
    {
        played.Dispose();
        older.Dispose();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task OlderDatabase_IsUpgraded_WithFinishedGamesAndOpenRoomsIntact(int version)
    {
        PlayedGame finished, open;
        string history, record;
        await using (var first = await ServerProcess.StartReadyAsync(played.Path))
        {
            finished = await PlayedGame.StartAsync(first, "classic", digs: 1000);
            await finished.Seat1.WaitForAsync("gameOver");
            open = await PlayedGame.StartAsync(first, "flags", digs: 3);
            history = await first.Http.GetStringAsync("/api/games");
            record = await first.Http.GetStringAsync($"/api/games/{finished.Room}");
            first.Terminate();
            (await first.WaitForExitAsync()).Should().Be(0);
        }

        CopyInOlderLayout(played, older, version);

        await using var upgraded = await ServerProcess.StartReadyAsync(older.Path);

        upgraded.Output.Should().Contain($"from schema {version} to 3");
        older.Scalar("SELECT version FROM schema_info").Should().Be(3L);
        (await upgraded.Http.GetStringAsync("/api/games")).Should().Be(history);
        (await upgraded.Http.GetStringAsync($"/api/games/{finished.Room}")).Should().Be(record);
        var lobby = JArray.Parse(await upgraded.Http.GetStringAsync("/api/rooms"));
        lobby.Select(r => r.Value<string>("id")).Should().Equal(open.Room);
        await open.ResumeAndFinishAsync(upgraded);
    }

    [Fact]
    public async Task DatabaseFromANewerVersion_StopsTheServerWithAClearError()
    {
        older.Execute("CREATE TABLE schema_info (version INTEGER NOT NULL); INSERT INTO schema_info (version) VALUES (99);");

        await using var server = ServerProcess.Start(older.Path);

        (await server.WaitForExitAsync()).Should().Be(1);
        server.Output.Should().Contain("was written by a newer GoldMiner (schema 99)");
    }

    /// <summary>Writes the rooms and events of <paramref name="source"/> into <paramref name="target"/> in schema <paramref name="version"/>'s layout.</summary>
    private static void CopyInOlderLayout(TempDatabase source, TempDatabase target, int version)
    {
        target.Execute((version == 1 ? Version1Tables : Version2Tables) + $"""
            ATTACH DATABASE '{source.Path}' AS played;
            INSERT INTO rooms SELECT {(version == 1 ? "" : "num, ")}id, name, rules, rows, cols, gold, seed, created_at, finished_at, winner, reason, closed_at FROM played.rooms;
            DETACH DATABASE played;
            """);

        // The events, from the blobs schema 3 keeps them in, a row each.
        using var from = new SqliteConnection($"Data Source={source.Path};Pooling=False");
        using var to = new SqliteConnection($"Data Source={target.Path};Pooling=False");
        from.Open();
        to.Open();
        using var read = from.CreateCommand();
        read.CommandText = "SELECT r.id, r.num, g.events FROM rooms AS r JOIN game_events AS g ON g.room_num = r.num";
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            foreach (var e in RecordEncoding.ReadEvents((byte[])reader.GetValue(2), reader.GetString(0)))
            {
                using var insert = to.CreateCommand();
                insert.CommandText = $"""
                    INSERT INTO room_events ({(version == 1 ? "room_id" : "room_num")}, seq, kind, seat, cell_row, cell_col, name, token_hash, at)
                    VALUES ($room, $seq, $kind, $seat, $row, $col, $name, $token, $at)
                    """;
                insert.Parameters.AddWithValue("$room", version == 1 ? reader.GetString(0) : reader.GetInt64(1));
                insert.Parameters.AddWithValue("$seq", e.Seq);
                insert.Parameters.AddWithValue("$kind", e.Kind.ToString().ToLowerInvariant());
                insert.Parameters.AddWithValue("$seat", e.Seat);
                insert.Parameters.AddWithValue("$row", (object?)e.Row ?? DBNull.Value);
                insert.Parameters.AddWithValue("$col", (object?)e.Col ?? DBNull.Value);
                insert.Parameters.AddWithValue("$name", (object?)e.Name ?? DBNull.Value);
                insert.Parameters.AddWithValue("$token", (object?)e.TokenHash ?? DBNull.Value);
                insert.Parameters.AddWithValue("$at", e.At.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                insert.ExecuteNonQuery();
            }
        }
    }
}
