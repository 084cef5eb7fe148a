using GoldMiner.Core;
using GoldMiner.Server.Configuration;
using GoldMiner.Server.Persistence;
using GoldMiner.Server.Persistence.LogFiles;
using GoldMiner.Tests.Server.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GoldMiner.Tests.Server;

/// <summary>The journal's writes, through its log and then SQLite, read back exactly, field for field, after any crash.</summary>
public sealed class SqliteGameStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, 123, TimeSpan.Zero);

    private static readonly RoomOpened Opening = new("room-a", "Ann's \"room\" ⛏️", new GameOptions(6, 7, 5, GameRules.Flags), long.MinValue + 3, Start);

    private static readonly RoomEventRecord[] EveryEvent =
    [
        new("room-a", 1, RoomEventKind.Join, 0, null, null, "王小明", [0, 255, 7], Start.AddTicks(1)),
        new("room-a", 3, RoomEventKind.Join, 1, null, null, "Ben", [9], Start.AddSeconds(1)),
        new("room-a", 4, RoomEventKind.Dig, 0, 5, 6, null, null, Start.AddSeconds(2)),
        new("room-a", 5, RoomEventKind.Offline, 1, null, null, null, null, Start.AddSeconds(3)),
        new("room-a", 6, RoomEventKind.Online, 1, null, null, null, null, Start.AddSeconds(4)),
        new("room-a", 8, RoomEventKind.Leave, 1, null, null, "", [], Start.AddSeconds(5)),
    ];

    private static readonly RoomFinished Finish = new("room-a", Start.AddSeconds(5), 0, GameEndReason.Forfeit);

    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task EveryKindOfRecord_ReadsBackAsWritten()
    {
        using var store = await OpenStoreAsync();

        await store.WriteAsync([Opening, .. EveryEvent, Finish], CancellationToken.None);

        await ShouldHoldEveryKindOfRecordAsync(store);
    }

    [Fact]
    public async Task EveryKindOfRecord_ReadsBackAsWritten_WhenOnlyTheLogHadIt()
    {
        var nextLsn = await WriteAndCloseAsync([]);
        AppendToLog(nextLsn, [Opening, .. EveryEvent.Take(3)], [.. EveryEvent.Skip(3), Finish]);

        using var store = await OpenStoreAsync();

        await ShouldHoldEveryKindOfRecordAsync(store);
    }

    [Fact]
    public async Task EventsOfARoomOpenedByAnEarlierProcess_AreStoredUnderThatRoom()
    {
        await WriteAndCloseAsync([Opened("old"), Join("old", 1)]);
        await WriteAndCloseAsync([Opened("new"), Join("new", 1), Join("old", 2)]);

        using var store = await OpenStoreAsync();
        var open = await store.LoadOpenRoomsAsync(CancellationToken.None);

        open.Select(Seqs).Should().Equal("old: 1, 2", "new: 1");
    }

    [Fact]
    public async Task RecordsOnlyInTheLog_AreWrittenIntoSqliteAtTheNextStart()
    {
        var nextLsn = await WriteAndCloseAsync([Opened("a"), Join("a", 1)]);

        // As a crash leaves it: the log has batches SQLite never got.
        AppendToLog(nextLsn, [Join("a", 2), Opened("b")], [Join("b", 1)]);

        using var store = await OpenStoreAsync();
        var open = await store.LoadOpenRoomsAsync(CancellationToken.None);
        open.Select(Seqs).Should().Equal("a: 1, 2", "b: 1");
    }

    [Fact]
    public async Task RecordsSqliteGotBeforeACrash_AreNotWrittenTwiceWhenTheLogIsReplayed()
    {
        await WriteAndCloseAsync([Opened("a"), Join("a", 1), Join("a", 2), new RoomFinished("a", Start, 0, GameEndReason.Forfeit)]);

        // A crash after SQLite's writer committed these but before a checkpoint said so.
        database.Execute("UPDATE journal_state SET applied_lsn = 1");

        using var store = await OpenStoreAsync();
        var game = await store.LoadRoomAsync("a", CancellationToken.None);
        Seqs(game!).Should().Be("a: 1, 2");
    }

    [Fact]
    public async Task ATornLastBatch_IsDropped_AndTheLogCarriesOnAfterIt()
    {
        var nextLsn = await WriteAndCloseAsync([Opened("a"), Join("a", 1)]);
        AppendToLog(nextLsn, [Join("a", 2)], [Join("a", 3) with { Name = "torn" }]);
        TearLastBatch("torn");

        using (var store = await OpenStoreAsync())
        {
            (await store.LoadOpenRoomsAsync(CancellationToken.None)).Select(Seqs).Should().Equal("a: 1, 2");
            await store.WriteAsync([Join("a", 3)], CancellationToken.None);
        }

        using var reopened = await OpenStoreAsync();
        (await reopened.LoadOpenRoomsAsync(CancellationToken.None)).Select(Seqs).Should().Equal("a: 1, 2, 3");
    }

    [Fact]
    public async Task ALogSegmentMissingFromTheMiddle_StopsTheStoreWithAClearError()
    {
        var nextLsn = await WriteAndCloseAsync([Opened("a")]);
        var batches = Enumerable.Range(1, 3000).Select(seq => (IReadOnlyList<JournalRecord>)[Join("a", seq) with { Name = new string('x', 1000) }]);
        AppendToLog(nextLsn, [.. batches]);
        var segments = Directory.GetFiles(database.LogDirectory, "*.log").Order().ToList();
        segments.Should().HaveCountGreaterThan(2);
        File.Delete(segments[1]);

        var open = OpenStoreAsync;

        (await open.Should().ThrowAsync<GameStoreUnavailableException>()).WithMessage("*records are missing*");
    }

    [Fact]
    public async Task ALogThatFillsSegments_IsRetiredAsSqliteCatchesUp_WithEveryEventKept()
    {
        const int Rooms = 20;
        const int Rounds = 400;
        using (var store = await OpenStoreAsync())
        {
            await store.WriteAsync([.. Enumerable.Range(0, Rooms).Select(r => Opened($"r{r}"))], CancellationToken.None);
            for (var seq = 1; seq <= Rounds; seq++)
            {
                // ~200 bytes an event: 20 rooms x 400 events fill a 1 MiB segment about 1.5 times over.
                await store.WriteAsync([.. Enumerable.Range(0, Rooms).Select(r => Join($"r{r}", seq) with { Name = new string('n', 180) })], CancellationToken.None);
            }

            await store.WriteAsync([new RoomFinished("r0", Start, 0, GameEndReason.Forfeit)], CancellationToken.None);
            (await store.LoadRoomAsync("r0", CancellationToken.None))!.Events.Should().HaveCount(Rounds);
        }

        Directory.GetFiles(database.LogDirectory).Length.Should().BeLessThanOrEqualTo(3, "a segment, a spare and at most one not yet retired");
        using var reopened = await OpenStoreAsync();
        var open = await reopened.LoadOpenRoomsAsync(CancellationToken.None);
        open.Should().HaveCount(Rooms - 1).And.OnlyContain(room => room.Events.Select(e => e.Seq).SequenceEqual(Enumerable.Range(1, Rounds).Select(i => (long)i)));
    }

    private static async Task ShouldHoldEveryKindOfRecordAsync(SqliteGameStore store)
    {
        var stored = await store.LoadRoomAsync("room-a", CancellationToken.None);
        var listed = await store.ListFinishedAsync(10, CancellationToken.None);

        stored!.Opened.Should().BeEquivalentTo(Opening);
        stored.Events.Should().BeEquivalentTo(EveryEvent, o => o.WithStrictOrdering());
        stored.FinishedAt.Should().Be(Finish.At);
        listed.Should().ContainSingle().Which.Finished.Should().Be(Finish);
    }

    private static string Seqs(StoredRoom room) => $"{room.Opened.RoomId}: {string.Join(", ", room.Events.Select(e => e.Seq))}";

    private static RoomOpened Opened(string id) => new(id, id, new GameOptions(5, 5, 3, GameRules.Classic), 42, Start);

    private static RoomEventRecord Join(string room, long seq) =>
        new(room, seq, RoomEventKind.Join, (int)(seq - 1) % 2, null, null, $"player {seq}", [1, 2, 3], Start);

    /// <summary>Writes <paramref name="records"/> through a store and closes it; returns the LSN the log would give next.</summary>
    private async Task<long> WriteAndCloseAsync(IReadOnlyList<JournalRecord> records)
    {
        using (var store = await OpenStoreAsync())
        {
            await store.WriteAsync(records, CancellationToken.None);
        }

        return (long)database.Scalar("SELECT applied_lsn FROM journal_state")!;
    }

    /// <summary>Appends batches to the journal log as the store would have, but without SQLite ever getting them.</summary>
    private void AppendToLog(long nextLsn, params IReadOnlyList<JournalRecord>[] batches)
    {
        using var log = JournalLog.Start(database.LogDirectory, nextLsn, segmentBytes: 1 << 20, sync: false);
        foreach (var batch in batches)
        {
            log.Append(batch);
        }
    }

    /// <summary>Damages the batch holding <paramref name="marker"/>, as a power cut in the middle of its write would.</summary>
    private void TearLastBatch(string marker)
    {
        var segment = Directory.GetFiles(database.LogDirectory, "*.log").Single();
        var bytes = File.ReadAllBytes(segment);
        var at = bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(marker));
        at.Should().BePositive();
        bytes[at] ^= 0xFF;
        File.WriteAllBytes(segment, bytes);
    }

    private async Task<SqliteGameStore> OpenStoreAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:GoldMiner"] = $"Data Source={database.Path}" })
            .Build();
        var store = new SqliteGameStore(configuration, Options.Create(new GoldMinerOptions { JournalSegmentMegabytes = 1 }), NullLogger<SqliteGameStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
