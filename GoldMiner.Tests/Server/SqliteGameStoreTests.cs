using GoldMiner.Core;
using GoldMiner.Server.Configuration;
using GoldMiner.Server.Persistence;
using GoldMiner.Tests.Server.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GoldMiner.Tests.Server;

/// <summary>The journal's writes through SQLite's own API read back exactly, field for field.</summary>
public sealed class SqliteGameStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, 123, TimeSpan.Zero);

    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task EveryKindOfRecord_ReadsBackAsWritten()
    {
        var opened = new RoomOpened("room-a", "Ann's \"room\" ⛏️", new GameOptions(6, 7, 5, GameRules.Flags), long.MinValue + 3, Start);
        var events = new List<RoomEventRecord>
        {
            new("room-a", 1, RoomEventKind.Join, 0, null, null, "王小明", [0, 255, 7], Start.AddTicks(1)),
            new("room-a", 3, RoomEventKind.Join, 1, null, null, "Ben", [9], Start.AddSeconds(1)),
            new("room-a", 4, RoomEventKind.Dig, 0, 5, 6, null, null, Start.AddSeconds(2)),
            new("room-a", 5, RoomEventKind.Offline, 1, null, null, null, null, Start.AddSeconds(3)),
            new("room-a", 6, RoomEventKind.Online, 1, null, null, null, null, Start.AddSeconds(4)),
            new("room-a", 8, RoomEventKind.Leave, 1, null, null, null, null, Start.AddSeconds(5)),
        };
        var finished = new RoomFinished("room-a", Start.AddSeconds(5), 0, GameEndReason.Forfeit);
        using var store = await OpenStoreAsync();

        await store.WriteAsync([opened, .. events, finished], CancellationToken.None);
        var stored = await store.LoadRoomAsync("room-a", CancellationToken.None);
        var listed = await store.ListFinishedAsync(10, CancellationToken.None);

        stored!.Opened.Should().BeEquivalentTo(opened);
        stored.Events.Should().BeEquivalentTo(events, o => o.WithStrictOrdering());
        stored.FinishedAt.Should().Be(finished.At);
        listed.Should().ContainSingle().Which.Finished.Should().Be(finished);
    }

    [Fact]
    public async Task EventsOfARoomOpenedByAnEarlierProcess_AreStoredUnderThatRoom()
    {
        using (var first = await OpenStoreAsync())
        {
            await first.WriteAsync([Opened("old"), Join("old", 1)], CancellationToken.None);
        }

        using var second = await OpenStoreAsync();
        await second.WriteAsync([Opened("new"), Join("new", 1), Join("old", 2)], CancellationToken.None);

        var open = await second.LoadOpenRoomsAsync(CancellationToken.None);

        open.Select(Seqs).Should().Equal("old: 1, 2", "new: 1");
    }

    [Fact]
    public async Task ABatchThatFails_LeavesNothingBehind_AndTheNextBatchIsWritten()
    {
        using var store = await OpenStoreAsync();
        await store.WriteAsync([Opened("a"), Join("a", 1)], CancellationToken.None);

        var duplicate = () => store.WriteAsync([Opened("b"), Join("a", 2), Join("a", 1)], CancellationToken.None);

        await duplicate.Should().ThrowAsync<SqliteException>().Where(e => e.SqliteErrorCode == 19, "SQLITE_CONSTRAINT: seq 1 of room a exists");
        await store.WriteAsync([Opened("b"), Join("a", 2), Join("b", 1)], CancellationToken.None);
        var open = await store.LoadOpenRoomsAsync(CancellationToken.None);
        open.Select(Seqs).Should().Equal("a: 1, 2", "b: 1");
    }

    private static string Seqs(StoredRoom room) => $"{room.Opened.RoomId}: {string.Join(", ", room.Events.Select(e => e.Seq))}";

    private static RoomOpened Opened(string id) => new(id, id, new GameOptions(5, 5, 3, GameRules.Classic), 42, Start);

    private static RoomEventRecord Join(string room, long seq) =>
        new(room, seq, RoomEventKind.Join, (int)(seq - 1) % 2, null, null, $"player {seq}", [1, 2, 3], Start);

    private async Task<SqliteGameStore> OpenStoreAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:GoldMiner"] = $"Data Source={database.Path}" })
            .Build();
        var store = new SqliteGameStore(configuration, Options.Create(new GoldMinerOptions()), NullLogger<SqliteGameStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
