using System.Diagnostics;

namespace GoldMiner.LoadTest.Play;

/// <summary>One game in one room: each member's view, and when each dig was sent (by the seq it will get).</summary>
public sealed class Round(string id, GameView[] views)
{
    private const int Ring = 8;

    private readonly long[] sentSeq = new long[Ring];
    private readonly long[] sentAt = new long[Ring];

    public string Id { get; } = id;

    public GameView[] Views { get; } = views;

    public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The mover's last seq when its latest dig was scheduled: one dig per turn, never two.</summary>
    public long DigScheduledAt { get; set; } = -1;

    public long LastProgress { get; private set; } = Stopwatch.GetTimestamp();

    public void Progress() => LastProgress = Stopwatch.GetTimestamp();

    public void StampSent(long seq, long timestamp)
    {
        lock (sentSeq)
        {
            sentSeq[seq % Ring] = seq;
            sentAt[seq % Ring] = timestamp;
        }
    }

    /// <summary>When the dig that became event <paramref name="seq"/> was sent, or null if not known.</summary>
    public long? SentAt(long seq)
    {
        lock (sentSeq)
        {
            return sentSeq[seq % Ring] == seq ? sentAt[seq % Ring] : null;
        }
    }

    public bool AllOver => Views.All(v => v.Over);

    /// <summary>Every member must have received the same bytes for every seq they both saw.</summary>
    public string? Divergence()
    {
        var first = Views[0];
        foreach (var other in Views.Skip(1))
        {
            foreach (var (seq, hash) in other.EventHashes)
            {
                if (first.EventHashes.TryGetValue(seq, out var seen) && seen != hash)
                {
                    return $"seq {seq} differs between members";
                }
            }
        }

        return null;
    }
}
