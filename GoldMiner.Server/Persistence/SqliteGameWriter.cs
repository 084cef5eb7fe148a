using GoldMiner.Server.Logging;
using GoldMiner.Server.Persistence.LogFiles;
using GoldMiner.Server.Protocol;
using Microsoft.Data.Sqlite;

namespace GoldMiner.Server.Persistence;

/// <summary>
/// Writes what the log made durable into SQLite, from a thread of its own, a game at a time: a
/// room's row when it opens and when it ends, and its events as one blob when it ends. Until then
/// a game's events are only in the log (and here, in memory). At a checkpoint every game still
/// open has its events so far written too, so the log's older segments can be retired.
/// </summary>
/// <remarks>
/// SQLite runs with synchronous = NORMAL: the log is what makes a dig durable, so SQLite's commits
/// need not wait for the disk; a checkpoint's commit does (FULL), as the log behind it goes.
/// A transaction that fails is rolled back in memory as in SQLite (<see cref="GameInProgress"/>)
/// and retried; the records stay in the log meanwhile, so nothing is lost if it never succeeds.
/// </remarks>
internal sealed class SqliteGameWriter : IDisposable
{
    /// <summary>At most this many spare event buffers are kept: enough for a busy server's turnover without holding on to a past peak.</summary>
    private const int MaxSpareBuffers = 1024;

    /// <summary>How long records wait to be written: each commit costs ~100 µs of CPU whatever it holds.</summary>
    private static readonly TimeSpan ApplyInterval = TimeSpan.FromMilliseconds(50);

    private readonly SqliteConnection connection;
    private readonly ILogger logger;
    private readonly SqliteRawStatement begin;
    private readonly SqliteRawStatement commit;
    private readonly SqliteRawStatement rollback;
    private readonly SqliteRawStatement syncFull;
    private readonly SqliteRawStatement syncNormal;
    private readonly SqliteRawStatement openRoom;
    private readonly SqliteRawStatement findRoom;
    private readonly SqliteRawStatement finishRoom;
    private readonly SqliteRawStatement closeRoom;
    private readonly SqliteRawStatement saveEvents;
    private readonly SqliteRawStatement setApplied;

    private readonly Dictionary<string, GameInProgress> games = [];
    private readonly List<GameInProgress> touched = [];

    // The event buffers of games that ended, for games to come. A game's buffer lives as long as
    // the game (minutes at people's pace): one allocated for every game, and re-allocated as it
    // grew, made arrays that died old, and gen-1 and gen-2 collections with them. A new one is
    // made big enough for a whole 9 x 9 game (~1 KB), so a first game does not grow it either.
    private readonly Stack<ByteBuffer> spareBuffers = new();

    // The queue from the journal's thread, and the readers waiting for it to be written.
    private readonly object queueGate = new();
    private readonly List<(long Lsn, TaskCompletionSource Done)> waiters = [];
    private readonly AutoResetEvent wake = new(false);
    private List<JournalRecord> queued = [];
    private long queuedFirstLsn;
    private long writtenBefore;
    private Thread? thread;
    private JournalLog? log;
    private volatile bool stopping;

    public SqliteGameWriter(SqliteConnection connection, ILogger logger)
    {
        this.connection = connection;
        this.logger = logger;
        begin = new(connection, "BEGIN IMMEDIATE");
        commit = new(connection, "COMMIT");
        rollback = new(connection, "ROLLBACK");
        syncFull = new(connection, "PRAGMA synchronous = FULL");
        syncNormal = new(connection, "PRAGMA synchronous = NORMAL");
        openRoom = new(connection, """
            INSERT INTO rooms (id, name, rules, rows, cols, gold, seed, created_at)
            VALUES ($room, $name, $rules, $rows, $cols, $gold, $seed, $at)
            ON CONFLICT (id) DO NOTHING
            """);
        findRoom = new(connection, """
            SELECT r.num, r.finished_at IS NOT NULL OR r.closed_at IS NOT NULL, COALESCE(g.through_lsn, 0)
            FROM rooms AS r LEFT JOIN game_events AS g ON g.room_num = r.num WHERE r.id = $room
            """);
        finishRoom = new(connection, "UPDATE rooms SET finished_at = $at, winner = $winner, reason = $reason WHERE id = $room");
        closeRoom = new(connection, "UPDATE rooms SET closed_at = $at WHERE id = $room");

        // SQLite's || makes text of two blobs: cast the joined events back.
        saveEvents = new(connection, """
            INSERT INTO game_events (room_num, events, through_lsn) VALUES ($num, $events, $through)
            ON CONFLICT (room_num) DO UPDATE SET events = CAST(events || excluded.events AS BLOB), through_lsn = excluded.through_lsn
            """);
        setApplied = new(connection, "UPDATE journal_state SET applied_lsn = $lsn");
        syncNormal.Execute();
    }

    /// <summary>Writes <paramref name="records"/> (read back from the log at start-up) at once, in one transaction.</summary>
    public void Replay(IReadOnlyList<(long Lsn, JournalRecord Record)> records)
    {
        Transact(() =>
        {
            foreach (var (lsn, record) in records)
            {
                Apply(lsn, record);
            }
        });
    }

    /// <summary>
    /// Writes every open game's events so far and records that the log is needed from
    /// <paramref name="nextLsn"/> on, durably (synchronous = FULL for this commit).
    /// </summary>
    public void Checkpoint(long nextLsn)
    {
        syncFull.Execute();
        try
        {
            Transact(() =>
            {
                foreach (var game in games.Values)
                {
                    Save(game);
                }

                setApplied.Bind("$lsn", nextLsn).Execute();
            });
        }
        finally
        {
            syncNormal.Execute();
        }
    }

    /// <summary>Starts the thread that writes what <see cref="Enqueue"/> hands over, while <paramref name="journalLog"/> fills.</summary>
    public void Start(JournalLog journalLog)
    {
        log = journalLog;
        queuedFirstLsn = journalLog.NextLsn;
        writtenBefore = journalLog.NextLsn;
        thread = new Thread(Run) { Name = "GoldMiner SQLite writer", IsBackground = true };
        thread.Start();
    }

    /// <summary>Hands over a batch the log has made durable; its records are numbered from <paramref name="firstLsn"/>.</summary>
    public void Enqueue(long firstLsn, IReadOnlyList<JournalRecord> batch)
    {
        lock (queueGate)
        {
            if (queued.Count == 0)
            {
                queuedFirstLsn = firstLsn;
            }

            queued.AddRange(batch);
        }
    }

    /// <summary>Completes once every record before <paramref name="lsn"/> is in SQLite (readers call this to see their own writes).</summary>
    public Task WrittenBeforeAsync(long lsn)
    {
        lock (queueGate)
        {
            if (lsn <= Volatile.Read(ref writtenBefore) || stopping)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((lsn, done));
            wake.Set();
            return done.Task;
        }
    }

    /// <summary>Writes what is still queued and checkpoints, so the next start has nothing to replay.</summary>
    public void Dispose()
    {
        stopping = true;
        wake.Set();
        thread?.Join();
        if (log is not null && writtenBefore == log.NextLsn)
        {
            try
            {
                Checkpoint(writtenBefore);
            }
            catch (Exception e) when (e is SqliteException or IOException)
            {
                // The log still holds everything: the next start replays it.
                Log.GameWriterFailed(logger, e);
            }
        }

        ReleaseWaiters(long.MaxValue);
        foreach (var statement in new[] { begin, commit, rollback, syncFull, syncNormal, openRoom, findRoom, finishRoom, closeRoom, saveEvents, setApplied })
        {
            statement.Dispose();
        }

        wake.Dispose();
    }

    private void Run()
    {
        var taken = new List<JournalRecord>();
        while (true)
        {
            var stop = stopping;
            if (!stop)
            {
                wake.WaitOne(ApplyInterval);
            }

            long first;
            lock (queueGate)
            {
                (taken, queued) = (queued, taken);
                first = queuedFirstLsn;
            }

            if (taken.Count > 0)
            {
                if (!WithRetries(() => Transact(() =>
                    {
                        for (var i = 0; i < taken.Count; i++)
                        {
                            Apply(first + i, taken[i]);
                        }
                    })))
                {
                    return;
                }

                Volatile.Write(ref writtenBefore, first + taken.Count);
                taken.Clear();
                ReleaseWaiters(writtenBefore);
            }

            if (log!.RetirableBefore is { } retirable && writtenBefore >= retirable)
            {
                var through = writtenBefore;
                if (!WithRetries(() => Checkpoint(through)))
                {
                    return;
                }

                log.Retire(through);
            }

            if (stop)
            {
                return;
            }

            try
            {
                log.ZeroAhead();
            }
            catch (IOException e)
            {
                // Only speed is lost: appends then grow the file themselves.
                Log.GameWriterFailed(logger, e);
            }
        }
    }

    /// <summary>Runs <paramref name="write"/> until it succeeds; false if the server stops first (the log keeps the records).</summary>
    private bool WithRetries(Action write)
    {
        var delay = RetryDelay.First;
        while (true)
        {
            try
            {
                write();
                return true;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log.GameWriterFailed(logger, e);
                if (stopping)
                {
                    return false;
                }

                Thread.Sleep(delay);
                delay = RetryDelay.After(delay);
            }
        }
    }

    /// <summary>One SQLite transaction; on any failure both SQLite and the games in memory are as they were.</summary>
    private void Transact(Action write)
    {
        begin.Execute();
        try
        {
            write();
            foreach (var game in touched)
            {
                if (game.Ended)
                {
                    Save(game);
                }
            }

            commit.Execute();
        }
        catch
        {
            // Some errors (a full disk, say) have already made SQLite roll back on its own.
            if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
            {
                rollback.Execute();
            }

            foreach (var game in touched)
            {
                if (game.RollBack())
                {
                    Forget(game);
                }
            }

            touched.Clear();
            throw;
        }

        foreach (var game in touched)
        {
            if (game.Committed())
            {
                Forget(game);
            }
        }

        touched.Clear();
    }

    private void Apply(long lsn, JournalRecord record)
    {
        switch (record)
        {
            case RoomOpened r:
                openRoom.Bind("$room", r.RoomId)
                    .Bind("$name", r.Name)
                    .Bind("$rules", WireNames.Of(r.Options.Rules))
                    .Bind("$rows", r.Options.Rows)
                    .Bind("$cols", r.Options.Cols)
                    .Bind("$gold", r.Options.Gold)
                    .Bind("$seed", r.Seed)
                    .Bind("$at", r.CreatedAt)
                    .Execute();
                if (openRoom.Changes == 1)
                {
                    Track(new GameInProgress(r.RoomId, SQLitePCL.raw.sqlite3_last_insert_rowid(connection.Handle), storedThrough: 0, ended: false, SpareBuffer()));
                }
                else
                {
                    // Replayed after a crash: the room was written before.
                    Find(r.RoomId);
                }

                break;
            case RoomEventRecord e:
                var game = Find(e.RoomId);
                if (lsn > game.StoredThrough)
                {
                    game.Add(lsn, e);
                }

                break;
            case RoomFinished f:
                finishRoom.Bind("$room", f.RoomId)
                    .Bind("$winner", f.Winner)
                    .Bind("$reason", WireNames.Of(f.Reason))
                    .Bind("$at", f.At)
                    .Execute();
                Find(f.RoomId).End();
                break;
            case RoomClosed c:
                closeRoom.Bind("$room", c.RoomId).Bind("$at", c.At).Execute();
                Find(c.RoomId).End();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(record), record, "No statement for this record.");
        }
    }

    /// <summary>The game in memory, or read in from SQLite (a room recovered at start, or one that ended).</summary>
    private GameInProgress Find(string roomId)
    {
        if (games.TryGetValue(roomId, out var game))
        {
            game.Touch(touched);
            return game;
        }

        Span<long> row = stackalloc long[3];
        if (!findRoom.Bind("$room", roomId).ExecuteRow(row))
        {
            throw new InvalidDataException($"Room {roomId} has events but was never opened.");
        }

        return Track(new GameInProgress(roomId, row[0], storedThrough: row[2], ended: row[1] != 0, SpareBuffer()));
    }

    private GameInProgress Track(GameInProgress game)
    {
        games[game.RoomId] = game;
        game.Touch(touched, added: true);
        return game;
    }

    private ByteBuffer SpareBuffer() => spareBuffers.TryPop(out var buffer) ? buffer : new ByteBuffer(1024);

    private void Forget(GameInProgress game)
    {
        games.Remove(game.RoomId);
        if (spareBuffers.Count < MaxSpareBuffers)
        {
            game.Pending.Clear();
            spareBuffers.Push(game.Pending);
        }
    }

    private void Save(GameInProgress game)
    {
        if (game.Pending.Length == 0)
        {
            return;
        }

        saveEvents.Bind("$num", game.Num).BindBlob("$events", game.Pending.Written).Bind("$through", game.PendingThrough).Execute();
        game.Touch(touched);
        game.Saved = true;
    }

    private void ReleaseWaiters(long before)
    {
        lock (queueGate)
        {
            waiters.RemoveAll(w =>
            {
                if (w.Lsn <= before || stopping)
                {
                    w.Done.TrySetResult();
                    return true;
                }

                return false;
            });
        }
    }
}
