using System.Threading.Channels;
using GoldMiner.Server.Logging;

namespace GoldMiner.Server.Persistence;

/// <summary>
/// Makes records durable before anyone hears of them. Rooms append under their own lock and move
/// on; one writer loop commits whatever has queued up, from every room, in one transaction (group
/// commit), then runs each record's "durable" action in append order. So a room's events reach its
/// connections in order, and only once they would survive a crash.
/// </summary>
public sealed class GameJournal(IGameStore store, ILogger<GameJournal> logger) : IAsyncDisposable
{
    private const int MaxBatch = 1024;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly Channel<Entry> queue = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource stopping = new();
    private Task loop = Task.CompletedTask;
    private volatile bool failing;

    /// <summary>False while the store refuses writes (the journal keeps retrying; nothing is released meanwhile).</summary>
    public bool IsHealthy => !failing;

    /// <summary>Starts the writer loop; call once the store is initialised and recovery is done.</summary>
    public void Start() => loop = Task.Run(RunAsync);

    /// <summary>Queues <paramref name="record"/>; <paramref name="onDurable"/> runs once it is committed.</summary>
    public void Append(JournalRecord record, Action? onDurable = null) => Enqueue(new Entry(record, onDurable, null));

    /// <summary>Runs <paramref name="action"/> once everything appended before it is durable.</summary>
    public void AfterPending(Action action) => Enqueue(new Entry(null, action, null));

    /// <summary>Queues <paramref name="record"/> and completes when it is committed.</summary>
    public Task AppendAsync(JournalRecord record)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new Entry(record, null, committed));
        return committed.Task;
    }

    /// <summary>Writes everything still queued, then stops. Runs when the host is disposed, after the server has stopped.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        stopping.CancelAfter(TimeSpan.FromSeconds(30));
        await loop;
        stopping.Dispose();
    }

    private void Enqueue(Entry entry)
    {
        if (!queue.Writer.TryWrite(entry))
        {
            Log.JournalClosed(logger, entry.Record?.RoomId);
            entry.Committed?.TrySetException(new ObjectDisposedException(nameof(GameJournal)));
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Entry>(MaxBatch);
        var records = new List<JournalRecord>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
                if (entry.Record is not null)
                {
                    records.Add(entry.Record);
                }
            }

            var written = records.Count == 0 || await WriteAsync(records);
            foreach (var entry in batch)
            {
                Release(entry, written);
            }

            batch.Clear();
            records.Clear();
        }
    }

    /// <summary>Retries until the store takes the batch: holding events back beats losing them.</summary>
    private async Task<bool> WriteAsync(List<JournalRecord> records)
    {
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                await store.WriteAsync(records, CancellationToken.None);
                failing = false;
                return true;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failing = true;
                Log.JournalWriteFailed(logger, records.Count, e);
                try
                {
                    await Task.Delay(delay, stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    // Shutting down and the store still refuses: give up on this batch, loudly.
                    Log.JournalGaveUp(logger, records.Count);
                    return false;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
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
            entry.OnDurable?.Invoke();
        }
        catch (Exception e)
        {
            // One room's broadcast failing must not stop the journal for every other room.
            Log.DurableActionFailed(logger, entry.Record?.RoomId, e);
        }
    }

    private readonly record struct Entry(JournalRecord? Record, Action? OnDurable, TaskCompletionSource? Committed);
}
