using System.Buffers;
using GoldMiner.Core;
using GoldMiner.Core.Events;
using GoldMiner.Server.Connections;
using GoldMiner.Server.Lobby;
using GoldMiner.Server.Persistence;
using GoldMiner.Server.Protocol;

namespace GoldMiner.Server.Rooms;

/// <summary>How a room is numbered, broadcast and shown: to its members and to the lobby.</summary>
public sealed partial class Room
{
    /// <summary>The lobby's view of the room.</summary>
    public RoomSummary Summary()
    {
        lock (gate)
        {
            return new RoomSummary(
                Id,
                Name,
                WireNames.Of(game.Status),
                WireNames.Of(game.Rules),
                Options.Rows,
                Options.Cols,
                Options.Gold,
                game.GoldLeft,
                Players(),
                spectators.Count,
                CreatedAt);
        }
    }

    /// <summary>
    /// Numbers Core's events (a move causes one or two) and serialises each once, into pooled
    /// buffers the broadcast returns. Call under the lock.
    /// </summary>
    private InlineList<ArraySegment<byte>> Number(InlineList<GameEvent> events)
    {
        var first = EventMessages.ToUtf8(events[0], ++seq, game.Board);
        return events.Count switch
        {
            1 => new(first),
            2 => new(first, EventMessages.ToUtf8(events[1], ++seq, game.Board)),
            _ => throw new ArgumentOutOfRangeException(nameof(events), events.Count, "A move causes one or two events."),
        };
    }

    /// <summary>Numbers a seat event the host itself raises (offline / online). Call under the lock.</summary>
    private InlineList<ArraySegment<byte>> NumberSeatEvent(string type, int seat) =>
        new(EventJson.ToUtf8(new SeatEventMessage(type, ++seq, seat)));

    /// <summary>What a change journals; <see cref="Commit"/> makes the record, with the seq of the change's last event.</summary>
    private Change Record(RoomEventKind kind, int seat, int? row = null, int? col = null, string? name = null, byte[]? tokenHash = null) =>
        new(kind, seat, row, col, name, tokenHash, time.GetUtcNow());

    /// <summary>
    /// Journals a change and, once it is durable, sends the joiner its welcome and every member of
    /// this moment the change's messages. Call under the lock.
    /// </summary>
    private void Commit(Change change, InlineList<ArraySegment<byte>> messages, (ClientConnection Joiner, ArraySegment<byte> Welcome)? welcome = null)
    {
        var broadcast = RoomBroadcast.Rent(Members(), messages, welcome?.Joiner, welcome?.Welcome ?? default);

        // Made here, after the messages were numbered, whatever order the caller built them in.
        var record = new RoomEventRecord(Id, seq, change.Kind, change.Seat, change.Row, change.Col, change.Name, change.TokenHash, change.At);
        if (game.Status != GameStatus.Finished || FinishedAt is not null)
        {
            journal.Append(record, RoomBroadcast.Send, broadcast);
            return;
        }

        FinishedAt = time.GetUtcNow();
        foreach (var holder in seats)
        {
            holder?.StopHold();
        }

        // gameOver goes out only once the finish is durable too: whoever hears of it finds the game in /api/games.
        journal.Append(record);
        journal.Append(new RoomFinished(Id, FinishedAt.Value, game.Winner, game.EndReason!.Value), RoomBroadcast.Send, broadcast);
    }

    /// <summary>
    /// Sends once everything already numbered is durable, so nobody sees a state that could still be
    /// lost. <paramref name="message"/> is a pooled buffer (a welcome), returned once the connection
    /// has its copy.
    /// </summary>
    private void SendWhenDurable(ClientConnection connection, ArraySegment<byte> message) =>
        journal.AfterPending(() =>
        {
            try
            {
                connection.Send(message.AsSpan());
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(message.Array!);
            }
        });

    /// <summary>
    /// Everyone to tell of a change, as of now: a snapshot, since the telling happens after the commit.
    /// The snapshot is kept and handed out again while the members stay the same, which is nearly
    /// every change: an array per dig was 4% of what a busy server allocates. Checked against the
    /// seats and spectators each time rather than invalidated where they change, so no change can
    /// forget to. Call under the lock.
    /// </summary>
    private ClientConnection[] Members()
    {
        if (!IsCurrent(audience))
        {
            audience = Snapshot();
        }

        return audience;
    }

    private bool IsCurrent(ClientConnection[] snapshot)
    {
        var next = 0;
        foreach (var holder in seats)
        {
            if (holder?.Connection is { } connection && (next == snapshot.Length || snapshot[next++] != connection))
            {
                return false;
            }
        }

        foreach (var spectator in spectators)
        {
            if (next == snapshot.Length || snapshot[next++] != spectator)
            {
                return false;
            }
        }

        return next == snapshot.Length;
    }

    private ClientConnection[] Snapshot()
    {
        var seated = 0;
        foreach (var holder in seats)
        {
            seated += holder?.Connection is null ? 0 : 1;
        }

        var members = new ClientConnection[seated + spectators.Count];
        var next = 0;
        foreach (var holder in seats)
        {
            if (holder?.Connection is { } connection)
            {
                members[next++] = connection;
            }
        }

        spectators.CopyTo(members, next);

        // Every room ends down to one member, then none, as its players leave; by then the room is
        // old, and a new array in it is one more reference each gen-0 collection has to find
        // through the card table. These two audiences are arrays that are already old instead
        // (docs/performance.md, round 11).
        return members.Length switch
        {
            0 => [],
            1 => members[0].Alone,
            _ => members,
        };
    }

    /// <summary>The joiner's welcome, in a pooled buffer that whoever sends it returns.</summary>
    private ArraySegment<byte> Welcome(int? seat, string? token) => WelcomeJson.ToUtf8(new WelcomeMessage(Id, seat, token, State()));

    private RoomState State() =>
        new(
            Id,
            Name,
            WireNames.Of(game.Rules),
            WireNames.Of(game.Status),
            Options.Rows,
            Options.Cols,
            Options.Gold,
            game.GoldLeft,
            game.Turn,
            seq,
            Players(),
            VisibleBoard.Of(game),
            game.Found.ToArray(),
            spectators.Count,
            lastDig,
            game.Winner,
            game.EndReason is { } reason ? WireNames.Of(reason) : null);

    private List<PlayerInfo> Players()
    {
        var players = new List<PlayerInfo>(Game.SeatCount);
        for (var seat = 0; seat < Game.SeatCount; seat++)
        {
            if (game.PlayerName(seat) is { } name)
            {
                players.Add(new PlayerInfo(seat, name, game.Scores[seat], seats[seat]?.Connection is not null));
            }
        }

        return players;
    }

    /// <summary>A change's record before it has its seq: a value, so making the record costs one object, not two.</summary>
    private readonly record struct Change(RoomEventKind Kind, int Seat, int? Row, int? Col, string? Name, byte[]? TokenHash, DateTimeOffset At);
}
