using GoldMiner.Tests.Server.Support;
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

    private readonly TempDatabase played = new();
    private readonly TempDatabase version1 = new();

    public void Dispose()
    {
        played.Dispose();
        version1.Dispose();
    }

    [Fact]
    public async Task Version1Database_IsUpgraded_WithFinishedGamesAndOpenRoomsIntact()
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

        CopyInVersion1Layout(played.Path, version1);

        await using var upgraded = await ServerProcess.StartReadyAsync(version1.Path);

        upgraded.Output.Should().Contain("from schema 1 to 2");
        version1.Scalar("SELECT version FROM schema_info").Should().Be(2L);
        (await upgraded.Http.GetStringAsync("/api/games")).Should().Be(history);
        (await upgraded.Http.GetStringAsync($"/api/games/{finished.Room}")).Should().Be(record);
        var lobby = JArray.Parse(await upgraded.Http.GetStringAsync("/api/rooms"));
        lobby.Select(r => r.Value<string>("id")).Should().Equal(open.Room);
        await open.ResumeAndFinishAsync(upgraded);
    }

    [Fact]
    public async Task DatabaseFromANewerVersion_StopsTheServerWithAClearError()
    {
        version1.Execute("CREATE TABLE schema_info (version INTEGER NOT NULL); INSERT INTO schema_info (version) VALUES (99);");

        await using var server = ServerProcess.Start(version1.Path);

        (await server.WaitForExitAsync()).Should().Be(1);
        server.Output.Should().Contain("was written by a newer GoldMiner (schema 99)");
    }

    /// <summary>Writes the rooms and events of <paramref name="source"/> into <paramref name="target"/> in schema 1's layout.</summary>
    private static void CopyInVersion1Layout(string source, TempDatabase target) =>
        target.Execute(Version1Tables + $"""
            ATTACH DATABASE '{source}' AS played;
            INSERT INTO rooms SELECT id, name, rules, rows, cols, gold, seed, created_at, finished_at, winner, reason, closed_at FROM played.rooms;
            INSERT INTO room_events
                SELECT r.id, e.seq, e.kind, e.seat, e.cell_row, e.cell_col, e.name, e.token_hash, e.at
                FROM played.room_events AS e JOIN played.rooms AS r ON r.num = e.room_num;
            DETACH DATABASE played;
            """);
}
