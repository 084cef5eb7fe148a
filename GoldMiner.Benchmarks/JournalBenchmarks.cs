using BenchmarkDotNet.Attributes;
using GoldMiner.Core;
using GoldMiner.Server.Configuration;
using GoldMiner.Server.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GoldMiner.Benchmarks;

/// <summary>
/// One journal commit of <see cref="Batch"/> digs from as many rooms, the way 100 rooms playing at
/// full speed fill a group commit, in the temp folder: the journal log's append (and, with
/// <see cref="Synchronous"/> Full, its sync); SQLite is written behind it on a thread of its
/// own, as in the server. Reported per dig.
/// </summary>
[MemoryDiagnoser]
public class JournalBenchmarks
{
    private const int Rooms = 100;
    private readonly DateTimeOffset at = DateTimeOffset.UtcNow;
    private string directory = null!;
    private SqliteGameStore store = null!;
    private RoomEventRecord[] batch = null!;
    private long seq;

    [Params(1, 25, 100)]
    public int Batch { get; set; }

    [Params("Full", "Normal")]
    public string Synchronous { get; set; } = "Full";

    [GlobalSetup]
    public void Setup()
    {
        directory = Directory.CreateTempSubdirectory("goldminer-bench-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:GoldMiner"] = $"Data Source={directory}/journal.db" })
            .Build();
        store = new SqliteGameStore(configuration, Options.Create(new GoldMinerOptions { JournalSynchronous = Synchronous }), NullLogger<SqliteGameStore>.Instance);
        store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        var rooms = Enumerable.Range(0, Rooms)
            .Select(i => new RoomOpened(Guid.NewGuid().ToString("N")[..8], $"room {i}", new GameOptions(9, 9, 10, GameRules.Classic), i, at))
            .ToList();
        store.WriteAsync(rooms, CancellationToken.None).GetAwaiter().GetResult();
        batch = Enumerable.Range(0, Batch)
            .Select(i => new RoomEventRecord(rooms[i % Rooms].RoomId, 0, RoomEventKind.Dig, 0, 1, 2, null, null, at))
            .ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        store.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Benchmark(Description = "commit a batch of digs (per dig)", OperationsPerInvoke = 100)]
    public void Commit()
    {
        // 100 / Batch commits, so every batch size reports the cost of 100 digs.
        for (var written = 0; written < 100; written += Batch)
        {
            seq++;
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = batch[i] with { Seq = seq };
            }

            store.WriteAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}
