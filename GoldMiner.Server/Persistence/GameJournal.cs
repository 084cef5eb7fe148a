using GoldMiner.Server.Logging;

namespace GoldMiner.Server.Persistence;

/// <summary>
/// Makes records durable before anyone hears of them. Rooms append under their own lock and move
/// on; one writer thread commits whatever has queued up, from every room, in one transaction (group
/// commit), then runs each record's "durable" action in append order. So a room's events reach its
/// connections in order, and only once they would survive a crash.
/// </summary>
/// <remarks>
/// The writer has a thread of its own, not a thread-pool loop: a commit blocks on the disk (fsync),
/// and on a small machine the pool's few threads are the ones reading and writing every socket.
/// Appending is a list add under a short lock; the writer takes the whole list at once.
/// </remarks>
public sealed class GameJournal(IGameStore store, ILogger<GameJournal> logger) : IAsyncDisposable
{
    private static readonly Action<object?> RunAction = static action => ((Action)action!)();

    private readonly object gate = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private List<Entry> incoming = [];
    private bool completed;
    private bool started;
    private volatile bool failing;

    /// <summary>False while the store refuses writes (the journal keeps retrying; nothing is released meanwhile).</summary>
    public bool IsHealthy => !failing;

    /// <summary>Starts the writer; call once the store is initialised and recovery is done.</summary>
    public void Start()
    {
        lock (gate)
        {
            started = true;
        }

        new Thread(Run) { Name = "GoldMiner journal", IsBackground = true }.Start();
    }

    /// <summary>Queues <paramref name="record"/>; <paramref name="onDurable"/> runs once it is committed.</summary>
    public void Append(JournalRecord record, Action? onDurable = null) =>
        Enqueue(new Entry(record, onDurable is null ? null : RunAction, onDurable, null));

    /// <summary>
    /// Queues <paramref name="record"/>; <paramref name="onDurable"/>(<paramref name="state"/>) runs once
    /// it is committed. For the hot path: a static callback and its state are one object per record,
    /// where a lambda would be a closure and a delegate.
    /// </summary>
    public void Append(JournalRecord record, Action<object?> onDurable, object? state) =>
        Enqueue(new Entry(record, onDurable, state, null));

    /// <summary>Runs <paramref name="action"/> once everything appended before it is durable.</summary>
    public void AfterPending(Action action) => Enqueue(new Entry(null, RunAction, action, null));

    /// <summary>Queues <paramref name="record"/> and completes when it is committed.</summary>
    public Task AppendAsync(JournalRecord record)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new Entry(record, null, null, committed));
        return committed.Task;
    }

    /// <summary>Writes everything still queued, then stops. Runs when the host is disposed, after the server has stopped.</summary>
    public async ValueTask DisposeAsync()
    {
        bool running;
        lock (gate)
        {
            completed = true;
            running = started;
            Monitor.Pulse(gate);
        }

        stopping.CancelAfter(TimeSpan.FromSeconds(30));
        if (running)
        {
            await stopped.Task;
        }

        stopping.Dispose();
    }

    private void Enqueue(Entry entry)
    {
        lock (gate)
        {
            if (!completed)
            {
                incoming.Add(entry);
                if (incoming.Count == 1)
                {
                    // The writer waits only on an empty queue: the first entry is the one to wake it.
                    Monitor.Pulse(gate);
                }

                return;
            }
        }

        Log.JournalClosed(logger, entry.Record?.RoomId);
        entry.Committed?.TrySetException(new ObjectDisposedException(nameof(GameJournal)));
    }

    private void Run()
    {
        try
        {
            var spare = new List<Entry>();
            var records = new List<JournalRecord>();
            while (TakeBatch(spare) is { } batch)
            {
                foreach (var entry in batch)
                {
                    if (entry.Record is not null)
                    {
                        records.Add(entry.Record);
                    }
                }

                var written = records.Count == 0 || Write(records);
                foreach (var entry in batch)
                {
                    Release(entry, written);
                }

                records.Clear();
                batch.Clear();
                spare = batch;
            }
        }
        finally
        {
            stopped.TrySetResult();
        }
    }

    /// <summary>Everything queued so far (swapped for the empty <paramref name="spare"/>), or null once disposed and drained.</summary>
    private List<Entry>? TakeBatch(List<Entry> spare)
    {
        lock (gate)
        {
            while (incoming.Count == 0 && !completed)
            {
                Monitor.Wait(gate);
            }

            if (incoming.Count == 0)
            {
                return null;
            }

            var batch = incoming;
            incoming = spare;
            return batch;
        }
    }

    /// <summary>Retries until the store takes the batch: holding events back beats losing them.</summary>
    private bool Write(List<JournalRecord> records)
    {
        var delay = RetryDelay.First;
        while (true)
        {
            try
            {
                // This thread is the writer's alone, so waiting on the store here holds up nobody else.
                store.WriteAsync(records, CancellationToken.None).GetAwaiter().GetResult();
                failing = false;
                return true;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failing = true;
                Log.JournalWriteFailed(logger, records.Count, e);
                if (stopping.Token.WaitHandle.WaitOne(delay))
                {
                    // Shutting down and the store still refuses: give up on this batch, loudly.
                    Log.JournalGaveUp(logger, records.Count);
                    return false;
                }

                delay = RetryDelay.After(delay);
            }
        }
    }

    private void Release(Entry entry, bool written)
    {
        if (!written)
        {
            entry.Committed?.TrySetException(new GameStoreUnavailableException("The journal could not be written."));
            return;
        }

        entry.Committed?.TrySetResult();
        try
        {
            entry.OnDurable?.Invoke(entry.State);
        }
        catch (Exception e)
        {
            // One room's broadcast failing must not stop the journal for every other room.
            Log.DurableActionFailed(logger, entry.Record?.RoomId, e);
        }
    }

    private readonly record struct Entry(JournalRecord? Record, Action<object?>? OnDurable, object? State, TaskCompletionSource? Committed);
}
