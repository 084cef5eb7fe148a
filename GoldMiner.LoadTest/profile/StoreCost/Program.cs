using System.Diagnostics;
using System.Globalization;
using GoldMiner.Core;
using GoldMiner.Server.Configuration;
using GoldMiner.Server.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// The journal's store on its own: the CPU (user and system, this whole process) that committing
// digs costs per dig, with the batches and the game turnover of a full-speed run of 100 rooms on
// 9 x 9 boards (a game every 28 digs: its end, a new room, two joins, and in the next commit the
// two players leaving the finished room, as the load tool's bots do). JournalBenchmarks reports
// wall time, which for a durable commit is mostly waiting on the disk; this reports what the
// machine spends, the figure that digs per server CPU-second is made of.
//
// Usage: dotnet run -c Release -- <database file> [commits = 3000] [digs per commit = 30] [Full|Normal]
// The file, its -wal and -shm and its journal log are deleted first: every run starts from an empty database.
if (args.Length is 0 or > 4)
{
    Console.Error.WriteLine("usage: StoreCost <database file> [commits = 3000] [digs per commit = 30] [Full|Normal]");
    return 2;
}

var path = args[0];
var commits = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3000;
var digsPerCommit = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30;
var synchronous = args.Length > 3 ? args[3] : "Full";
foreach (var file in new[] { path, path + "-wal", path + "-shm" })
{
    File.Delete(file);
}

if (Directory.Exists(SqliteGameStore.LogDirectoryOf(path)))
{
    Directory.Delete(SqliteGameStore.LogDirectoryOf(path), recursive: true);
}

var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:GoldMiner"] = $"Data Source={path}" })
    .Build();
using var store = new SqliteGameStore(configuration, Options.Create(new GoldMinerOptions { JournalSynchronous = synchronous }), NullLogger<SqliteGameStore>.Instance);
await store.InitializeAsync(CancellationToken.None);

var rooms = new Rooms(count: 100, digsPerGame: 28);
await store.WriteAsync(rooms.OpenAll(), CancellationToken.None);
var batch = new List<JournalRecord>();

// A warm-up, so the JIT and the database's first pages are out of the way.
for (var i = 0; i < 300; i++)
{
    rooms.Fill(batch, digsPerCommit);
    await store.WriteAsync(batch, CancellationToken.None);
}

using var process = Process.GetCurrentProcess();
var (user, total) = (process.UserProcessorTime, process.TotalProcessorTime);
var clock = Stopwatch.StartNew();
for (var i = 0; i < commits; i++)
{
    rooms.Fill(batch, digsPerCommit);
    await store.WriteAsync(batch, CancellationToken.None);
}

// A read waits for SQLite's writer to catch up with the log: its CPU belongs to these digs too.
await store.ListFinishedAsync(1, CancellationToken.None);
process.Refresh();
double digs = (long)commits * digsPerCommit;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{synchronous}, {digsPerCommit} digs a commit: CPU {(process.TotalProcessorTime - total).TotalMicroseconds / digs:F2} µs per dig " +
    $"(user {(process.UserProcessorTime - user).TotalMicroseconds / digs:F2}), wall {clock.Elapsed.TotalMicroseconds / digs:F2} µs, " +
    $"database {new FileInfo(path).Length / digs:F0} B per dig"));
return 0;

/// <summary>Rooms in play: each dig goes to a random one, and a room that has had its game's digs starts a new game.</summary>
internal sealed class Rooms(int count, int digsPerGame)
{
    private static readonly GameOptions Board = new(9, 9, 10, GameRules.Classic);
    private readonly Random random = new(1);
    private readonly string[] ids = new string[count];
    private readonly long[] seqs = new long[count];
    private readonly int[] digs = new int[count];
    private readonly byte[] tokenHash = new byte[32];
    private readonly List<(string Room, long Seq)> finished = [];

    public List<JournalRecord> OpenAll()
    {
        var records = new List<JournalRecord>();
        for (var i = 0; i < count; i++)
        {
            Open(records, i);
        }

        return records;
    }

    public void Fill(List<JournalRecord> batch, int digCount)
    {
        batch.Clear();

        // The players of the games the last commit finished leave them: events after the end.
        foreach (var (room, seq) in finished)
        {
            batch.Add(new RoomEventRecord(room, seq + 1, RoomEventKind.Leave, 0, null, null, null, null, DateTimeOffset.UtcNow));
            batch.Add(new RoomEventRecord(room, seq + 2, RoomEventKind.Leave, 1, null, null, null, null, DateTimeOffset.UtcNow));
        }

        finished.Clear();
        for (var n = 0; n < digCount; n++)
        {
            var i = random.Next(count);
            if (digs[i] == digsPerGame)
            {
                batch.Add(new RoomFinished(ids[i], DateTimeOffset.UtcNow, 0, GameEndReason.AllGoldFound));
                finished.Add((ids[i], seqs[i]));
                Open(batch, i);
            }

            digs[i]++;
            batch.Add(new RoomEventRecord(ids[i], ++seqs[i], RoomEventKind.Dig, digs[i] % 2, random.Next(9), random.Next(9), null, null, DateTimeOffset.UtcNow));
        }
    }

    private void Open(List<JournalRecord> records, int i)
    {
        ids[i] = Guid.NewGuid().ToString("N")[..12];
        seqs[i] = 0;
        digs[i] = 0;
        var at = DateTimeOffset.UtcNow;
        records.Add(new RoomOpened(ids[i], $"room {i}", Board, i, at));
        records.Add(new RoomEventRecord(ids[i], ++seqs[i], RoomEventKind.Join, 0, null, null, "alice", tokenHash, at));
        records.Add(new RoomEventRecord(ids[i], ++seqs[i], RoomEventKind.Join, 1, null, null, "bob", tokenHash, at));
    }
}
