using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GoldMiner.LoadTest.Clients;

namespace GoldMiner.LoadTest.Play;

/// <summary>
/// One room slot of the load: two bot players (and spectators) on sockets kept for the whole run,
/// playing game after game. When a game ends they leave and join a fresh room over the same sockets.
/// Full speed: the player whose turn it is digs the moment it learns so. Paced: the room digs on
/// its own schedule, one dig per interval, with a random phase so rooms do not dig in step.
/// </summary>
public sealed class RoomDriver(int index, PlayContext context) : IRoomDriver
{
    private static readonly byte[] Leave = Encoding.UTF8.GetBytes("""{"type":"leave"}""");

    private readonly Random random = new(index * 7919);
    private readonly BotSocket?[] members = new BotSocket?[2 + context.Options.Spectators];
    private readonly Lock gate = new();
    private readonly DigSchedule schedule = new(context);
    private Round? round;

    public bool Connected => members.All(m => m is not null);

    /// <summary>Opens every member's socket; false (with the failure counted) when one could not be opened.</summary>
    public Task<bool> ConnectAsync(CancellationToken cancellation) =>
        BotSocket.ConnectAllAsync(members, context.Sockets, context.SocketUri, context.Metrics, OnMessage, cancellation);

    /// <summary>Plays games until <paramref name="stop"/>; a game in progress then is abandoned, not counted.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        schedule.Start(random);
        while (!stop.IsCancellationRequested && Connected && members.All(m => m!.IsOpen))
        {
            var id = await CreateRoomAsync(stop);
            if (id is null)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            var options = context.Options;
            var views = members.Select((_, i) => new GameView(id, i < 2 ? $"player{i}" : $"spectator{i - 2}", options.Rows, options.Cols, options.Gold, options.Rules == "flags", context.Metrics)).ToArray();
            var current = new Round(id, views);
            lock (gate)
            {
                round = current;
            }

            await Task.WhenAll(members.Select((m, i) => m!.SendAsync(Join(id, i))));
            if (!await WaitForEndAsync(current, stop))
            {
                break;
            }

            var divergence = current.Divergence();
            if (divergence is not null)
            {
                context.Metrics.Violation("divergentEvents", $"room {id}: {divergence}");
            }

            context.Metrics.GameFinished(verified: divergence is null && views.All(v => !v.Broken));
            await Task.WhenAll(members.Select(m => m!.SendAsync(Leave)));
        }
    }

    public ValueTask DisposeAsync() => BotSocket.DisposeAllAsync(members);

    private string Join(string id, int member) => member < 2
        ? $$"""{"type":"join","room":"{{id}}","name":"bot{{index}}-{{member}}"}"""
        : $$"""{"type":"join","room":"{{id}}","spectate":true}""";

    private async Task<string?> CreateRoomAsync(CancellationToken stop)
    {
        try
        {
            using var body = new StringContent(context.CreateRoomBody, Encoding.UTF8, "application/json");
            using var response = await context.Http.PostAsync("/api/rooms", body, stop);
            if (!response.IsSuccessStatusCode)
            {
                context.Metrics.Error($"http{(int)response.StatusCode}");
                return null;
            }

            using var summary = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(stop));
            return summary.RootElement.GetProperty("id").GetString();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
        {
            context.Metrics.ConnectionFailed($"http: {e.Message}");
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>True when the game ended; false when the run stops. A stuck game is counted and given up.</summary>
    private async Task<bool> WaitForEndAsync(Round current, CancellationToken stop)
    {
        while (true)
        {
            try
            {
                await current.Completed.Task.WaitAsync(context.StallTimeout, stop);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            catch (TimeoutException) when (Stopwatch.GetElapsedTime(current.LastProgress) < context.StallTimeout)
            {
                // Still moving (a slow paced game): keep waiting.
            }
            catch (TimeoutException)
            {
                context.Metrics.Violation("stalled", $"room {current.Id}: no event for {context.StallTimeout.TotalSeconds:0} s");
                return members.All(m => m!.IsOpen);
            }
        }
    }

    private void OnMessage(BotSocket socket, ReadOnlyMemory<byte> bytes)
    {
        var who = Array.IndexOf(members, socket);
        using var document = JsonDocument.Parse(bytes);
        var message = document.RootElement;
        var type = message.GetProperty("type").GetString();
        if (type == "error")
        {
            context.Metrics.Error(message.GetProperty("code").GetString() ?? "?");

            // A refused dig changed nothing and will never be answered: dig again shortly rather
            // than wait for an event that cannot come. (Counted above, so it still shows.)
            _ = RetryAfterRefusalAsync(who);
            return;
        }

        if (type == "pong")
        {
            return;
        }

        lock (gate)
        {
            if (round is not { } current)
            {
                return;
            }

            var view = current.Views[who];
            if (type == "welcome")
            {
                if (!view.Welcomed && message.GetProperty("room").GetString() == current.Id)
                {
                    view.Welcome(message);
                    current.Progress();
                    Settle(current, who);
                }

                return;
            }

            // Anything before this member's welcome belongs to the room it has just left.
            if (!view.Welcomed || !message.TryGetProperty("seq", out var seqElement))
            {
                return;
            }

            var seq = seqElement.GetInt64();
            if (!view.Apply(message, type!, seq, Hash(bytes.Span)))
            {
                return;
            }

            current.Progress();
            if (type == "dug" && view.Seat is { } seat && current.SentAt(seq) is { } sent)
            {
                if (message.GetProperty("by").GetInt32() == seat)
                {
                    context.Metrics.DigAccepted(sent);
                }
                else
                {
                    context.Metrics.OpponentSaw(sent);
                }
            }

            Settle(current, who);
        }
    }

    private async Task RetryAfterRefusalAsync(int who)
    {
        Round? refusedIn;
        long seenAt;
        lock (gate)
        {
            refusedIn = round;
            seenAt = refusedIn?.Views[who].LastSeq ?? -1;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(100));
        lock (gate)
        {
            // Only when nothing has happened since: an error says nothing of which message it
            // answers, and once the game moved on the refused dig was a stale one whose events
            // have already been settled. Digging again then would be refused too, and again.
            if (round is { } current && current == refusedIn && current.Views[who].Welcomed && current.Views[who].LastSeq == seenAt)
            {
                current.DigScheduledAt = -1;
                Settle(current, who);
            }
        }
    }

    /// <summary>After a member's view changed: finish the round, or let the mover dig. Under the gate.</summary>
    private void Settle(Round current, int who)
    {
        if (current.AllOver)
        {
            current.Completed.TrySetResult();
            return;
        }

        var view = current.Views[who];
        if (view.Seat is not { } seat || !view.Started || view.Over || view.Turn != seat || current.DigScheduledAt == view.LastSeq)
        {
            return;
        }

        current.DigScheduledAt = view.LastSeq;
        if (view.PickUndug(random) is not { } cell)
        {
            return;
        }

        var dig = Encoding.UTF8.GetBytes($$"""{"type":"dig","row":{{cell.Row}},"col":{{cell.Col}}}""");
        _ = SendDigAsync(members[who]!, current, view.LastSeq + 1, dig, schedule.NextDelay());
    }

    private async Task SendDigAsync(BotSocket mover, Round current, long expectedSeq, byte[] dig, long delayTicks)
    {
        await schedule.WaitAsync(delayTicks);
        current.StampSent(expectedSeq, Stopwatch.GetTimestamp());
        await mover.SendAsync(dig);
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }
}
