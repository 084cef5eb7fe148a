using System.Diagnostics;
using System.Text;
using GoldMiner.LoadTest.Clients;
using GoldMiner.LoadTest.Play;

namespace GoldMiner.LoadTest.Relay;

/// <summary>
/// One pair of sockets on the bare relay (GoldMiner.Relay), played like a room's two players: the
/// mover sends a message the size of a dig's broadcast, the relay sends it back to both, and the
/// other one moves next once it has it (at once at full speed, on the room's schedule when paced).
/// The same counters as a game: the mover's echo is the round trip, the other's copy the opponent
/// latency, each relayed message a "dig". A copy that differs from what was sent is a violation.
/// </summary>
public sealed class RelayPairDriver(int index, PlayContext context) : IRoomDriver
{
    /// <summary>A dug broadcast is ~180 bytes on the wire (bytes received per dig / messages per dig in a full-speed run).</summary>
    private const int MessageBytes = 180;

    private readonly Random random = new(index * 7919);
    private readonly BotSocket?[] members = new BotSocket?[2];
    private readonly Lock gate = new();
    private readonly DigSchedule schedule = new(context);
    private byte[] inFlight = [];
    private int mover;
    private int copiesSeen;
    private long sentAt;
    private long sequence;

    public bool Connected => members.All(m => m is not null);

    public Task<bool> ConnectAsync(CancellationToken cancellation) =>
        BotSocket.ConnectAllAsync(members, context.Sockets, new UriBuilder(context.SocketUri) { Query = $"pair={index}" }.Uri, context.Metrics, OnMessage, cancellation);

    public async Task RunAsync(CancellationToken stop)
    {
        schedule.Start(random);
        lock (gate)
        {
            Move();
        }

        await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public ValueTask DisposeAsync() => BotSocket.DisposeAllAsync(members);

    private void OnMessage(BotSocket socket, ReadOnlyMemory<byte> bytes)
    {
        lock (gate)
        {
            var who = Array.IndexOf(members, socket);
            if (!bytes.Span.SequenceEqual(inFlight))
            {
                context.Metrics.Violation("relayCorrupted", $"pair {index}: got {bytes.Length} bytes that are not the message in flight");
                return;
            }

            if (who == mover)
            {
                context.Metrics.DigAccepted(sentAt);
            }
            else
            {
                context.Metrics.OpponentSaw(sentAt);
            }

            if (++copiesSeen == members.Length)
            {
                // Both have it: the other one moves, as the opponent digs once it sees the dig.
                mover = 1 - mover;
                Move();
            }
        }
    }

    /// <summary>Sends the mover's next message, now or when the pair's schedule says. Under the gate.</summary>
    private void Move()
    {
        var head = $$"""{"type":"dig","row":{{random.Next(9)}},"col":{{random.Next(9)}},"n":{{++sequence}},"pad":""";
        inFlight = Encoding.UTF8.GetBytes(head.PadRight(MessageBytes - 2, 'x') + "\"}");
        copiesSeen = 0;
        _ = SendAsync(members[mover]!, inFlight, schedule.NextDelay());
    }

    private async Task SendAsync(BotSocket sender, byte[] message, long delayTicks)
    {
        await schedule.WaitAsync(delayTicks);
        lock (gate)
        {
            sentAt = Stopwatch.GetTimestamp();
        }

        await sender.SendAsync(message);
    }
}
