using System.Collections.Concurrent;
using System.Diagnostics;

namespace GoldMiner.LoadTest.Metrics;

/// <summary>
/// What a run counts. Throughput and latency count only inside the measured window (after the
/// warm-up); errors, connection failures and verification violations count over the whole run,
/// because a wrong answer during warm-up is still a wrong answer.
/// </summary>
public sealed class LoadMetrics
{
    private const int MaxSamples = 20;

    private readonly ConcurrentQueue<string> violationSamples = new();
    private long digs;
    private long gamesFinished;
    private long gamesFinishedInRun;
    private long gamesVerified;
    private long messagesReceived;
    private long bytesReceived;
    private volatile bool recording;

    public LatencyHistogram RoundTrip { get; private set; } = new();

    /// <summary>When set, every dig of the window is also logged one by one (<c>--dig-log</c>).</summary>
    public DigLog? DigLog { get; init; }

    public LatencyHistogram Opponent { get; private set; } = new();

    /// <summary>How late the harness's own paced timers fire: when this is large the machine, not the server, is slow.</summary>
    public LatencyHistogram TimerLag { get; private set; } = new();

    public ConcurrentDictionary<string, long> Errors { get; } = new();

    public ConcurrentDictionary<string, long> ConnectionFailures { get; } = new();

    public ConcurrentDictionary<string, long> Violations { get; } = new();

    public IEnumerable<string> ViolationSamples => violationSamples;

    public bool Recording => recording;

    public long Digs => Interlocked.Read(ref digs);

    public long GamesFinished => Interlocked.Read(ref gamesFinished);

    /// <summary>Games finished since the run began, warm-up included (<see cref="GamesFinished"/> counts the window only).</summary>
    public long GamesFinishedInRun => Interlocked.Read(ref gamesFinishedInRun);

    public long GamesVerified => Interlocked.Read(ref gamesVerified);

    public long MessagesReceived => Interlocked.Read(ref messagesReceived);

    public long BytesReceived => Interlocked.Read(ref bytesReceived);

    public long ErrorCount => Errors.Values.Sum();

    public long ViolationCount => Violations.Values.Sum();

    public long ConnectionFailureCount => ConnectionFailures.Values.Sum();

    /// <summary>Starts the measured window: the counters it covers start again from zero.</summary>
    public void StartWindow()
    {
        RoundTrip = new LatencyHistogram();
        Opponent = new LatencyHistogram();
        TimerLag = new LatencyHistogram();
        Interlocked.Exchange(ref digs, 0);
        Interlocked.Exchange(ref gamesFinished, 0);
        Interlocked.Exchange(ref messagesReceived, 0);
        Interlocked.Exchange(ref bytesReceived, 0);
        recording = true;
    }

    public void StopWindow() => recording = false;

    public void DigAccepted(long sentTimestamp)
    {
        if (!recording)
        {
            return;
        }

        Interlocked.Increment(ref digs);
        var received = Stopwatch.GetTimestamp();
        RoundTrip.Record((long)Stopwatch.GetElapsedTime(sentTimestamp, received).TotalMicroseconds);
        DigLog?.Record(sentTimestamp, received);
    }

    public void OpponentSaw(long sentTimestamp)
    {
        if (recording)
        {
            Opponent.Record(MicrosecondsSince(sentTimestamp));
        }
    }

    public void TimerFired(long dueTimestamp)
    {
        if (recording)
        {
            TimerLag.Record(MicrosecondsSince(dueTimestamp));
        }
    }

    public void Received(int bytes)
    {
        if (recording)
        {
            Interlocked.Increment(ref messagesReceived);
            Interlocked.Add(ref bytesReceived, bytes);
        }
    }

    public void GameFinished(bool verified)
    {
        Interlocked.Increment(ref gamesFinishedInRun);
        if (recording)
        {
            Interlocked.Increment(ref gamesFinished);
        }

        if (verified)
        {
            Interlocked.Increment(ref gamesVerified);
        }
    }

    public void Error(string code) => Errors.AddOrUpdate(code, 1, (_, n) => n + 1);

    public void ConnectionFailed(string kind) => ConnectionFailures.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public void Violation(string kind, string detail)
    {
        Violations.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (violationSamples.Count < MaxSamples)
        {
            violationSamples.Enqueue($"{kind}: {detail}");
        }
    }

    private static long MicrosecondsSince(long timestamp) =>
        (long)Stopwatch.GetElapsedTime(timestamp).TotalMicroseconds;
}
