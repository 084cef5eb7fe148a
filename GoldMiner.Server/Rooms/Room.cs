using System.Net.WebSockets;
using GoldMiner.Core;
using GoldMiner.Core.Events;
using GoldMiner.Server.Connections;
using GoldMiner.Server.Persistence;
using GoldMiner.Server.Protocol;

namespace GoldMiner.Server.Rooms;

/// <summary>
/// A game and the connections in it. One request at a time goes through the room's lock, so the
/// Core game stays single-threaded. Each change is numbered, journaled and serialised once under
/// the lock; the journal hands the same bytes to every member once the change is durable, in order.
/// </summary>
public sealed partial class Room : IDisposable
{
    private const WebSocketCloseStatus SeatTakenOver = (WebSocketCloseStatus)4000;

    private readonly Lock gate = new();
    private readonly Game game;
    private readonly SeatHolder?[] seats = new SeatHolder?[Game.SeatCount];
    private readonly HashSet<ClientConnection> spectators = [];
    private readonly TimeProvider time;
    private readonly TimeSpan seatHold;
    private readonly GameJournal journal;
    private long seq;
    private LastDig? lastDig;

    // The members as of the last change, kept while they stay the same (see Members()).
    private ClientConnection[] audience = [];

    private Room(RoomOpened opened, Game game, TimeProvider time, TimeSpan seatHold, GameJournal journal)
    {
        Id = opened.RoomId;
        Name = opened.Name;
        Options = opened.Options;
        CreatedAt = opened.CreatedAt;
        this.game = game;
        this.time = time;
        this.seatHold = seatHold;
        this.journal = journal;
        LastActivity = time.GetUtcNow();
    }

    public string Id { get; }

    public string Name { get; }

    public GameOptions Options { get; }

    public DateTimeOffset CreatedAt { get; }

    public bool IsFinished
    {
        get
        {
            lock (gate)
            {
                return game.Status == GameStatus.Finished;
            }
        }
    }

    private DateTimeOffset LastActivity { get; set; }

    private DateTimeOffset? FinishedAt { get; set; }

    /// <summary>A new, empty room. Its <see cref="RoomOpened"/> record is the caller's to journal.</summary>
    public static Room Open(RoomOpened opened, TimeProvider time, TimeSpan seatHold, GameJournal journal) =>
        new(opened, new Game(opened.Options, opened.Seed), time, seatHold, journal);

    /// <summary>Takes a seat, takes one back with a token, or starts watching; the joiner gets `welcome`.</summary>
    public RoomError? Join(ClientConnection connection, JoinMessage request, string? name)
    {
        lock (gate)
        {
            if (request.Spectate)
            {
                LastActivity = time.GetUtcNow();
                spectators.Add(connection);
                connection.Room = this;
                connection.Seat = null;
                SendWhenDurable(connection, Welcome(null, null));
                return null;
            }

            if (request.Token is { } token)
            {
                return Reclaim(connection, token);
            }

            if (name is null)
            {
                return new RoomError(ErrorCodes.BadMessage, "\"name\" is required to take a seat.");
            }

            var result = game.Join(name);
            if (result.Rejection is { } rejection)
            {
                return RoomError.From(rejection);
            }

            LastActivity = time.GetUtcNow();
            var seat = ((PlayerJoined)result.Events[0]).Seat;
            var (newToken, hash) = SeatToken.Create();
            seats[seat] = new SeatHolder(hash, connection);
            connection.Room = this;
            connection.Seat = seat;
            var messages = Number(result.Events);
            Commit(Record(RoomEventKind.Join, seat, name: name, tokenHash: hash), messages, (connection, Welcome(seat, newToken)));
            return null;
        }
    }

    /// <summary>The connection's player digs a cell.</summary>
    public RoomError? Dig(ClientConnection connection, int row, int col)
    {
        lock (gate)
        {
            if (connection.Room != this)
            {
                return new RoomError(ErrorCodes.NotJoined, "Join a room first.");
            }

            if (connection.Seat is not { } seat)
            {
                return new RoomError(ErrorCodes.Spectator, "Spectators cannot dig.");
            }

            var result = game.Dig(seat, row, col);
            if (result.Rejection is { } rejection)
            {
                return RoomError.From(rejection);
            }

            LastActivity = time.GetUtcNow();
            lastDig = new LastDig(row, col, seat);
            Commit(Record(RoomEventKind.Dig, seat, row, col), Number(result.Events));
            return null;
        }
    }

    /// <summary>The connection gives up its seat (forfeiting a game in play) or stops watching.</summary>
    public void Leave(ClientConnection connection)
    {
        lock (gate)
        {
            if (connection.Room != this)
            {
                return;
            }

            LastActivity = time.GetUtcNow();
            if (connection.Seat is not { } seat)
            {
                spectators.Remove(connection);
                connection.Room = null;
                return;
            }

            // The leaver is still a member here, so it sees its own playerLeft (and gameOver).
            var result = game.Leave(seat);
            Commit(Record(RoomEventKind.Leave, seat), Number(result.Events));
            seats[seat]!.Connection = null;
            connection.Room = null;
            connection.Seat = null;
            VacateOrKeep(seat);
        }
    }

    /// <summary>The connection's socket is gone: a player's seat is held for their token, for a while.</summary>
    public void Disconnect(ClientConnection connection)
    {
        lock (gate)
        {
            if (connection.Room != this)
            {
                return;
            }

            LastActivity = time.GetUtcNow();
            connection.Room = null;
            if (connection.Seat is not { } seat)
            {
                spectators.Remove(connection);
                return;
            }

            // The clock starts before the event can reach anyone: whoever sees playerOffline can count on it.
            seats[seat]!.Connection = null;
            HoldSeat(seat);
            Commit(Record(RoomEventKind.Offline, seat), NumberSeatEvent("playerOffline", seat));
        }
    }

    /// <summary>True when the room should leave the lobby: finished long enough ago, or abandoned.</summary>
    public bool IsExpired(DateTimeOffset now, TimeSpan finishedTtl, TimeSpan abandonedTtl)
    {
        lock (gate)
        {
            if (FinishedAt is { } finishedAt)
            {
                return now - finishedAt >= finishedTtl;
            }

            var abandoned = spectators.Count == 0 && seats.All(s => s is null || (s.Connection is null && s.HoldTimer is null));
            return abandoned && now - LastActivity >= abandonedTtl;
        }
    }

    /// <summary>Stops the room's timers once it has been removed.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            foreach (var holder in seats)
            {
                holder?.StopHold();
            }
        }
    }

    private RoomError? Reclaim(ClientConnection connection, string token)
    {
        var seat = Array.FindIndex(seats, s => s is not null && SeatToken.Matches(token, s.TokenHash));
        if (seat < 0 || game.HasLeft(seat))
        {
            return new RoomError(ErrorCodes.BadToken, "That token does not hold a seat in this room.");
        }

        var holder = seats[seat]!;
        var previous = holder.Connection;
        if (previous is not null && previous != connection)
        {
            // The same player on a new socket (a reload, a network change): the newest one wins.
            previous.Room = null;
            previous.Seat = null;
            previous.Close(SeatTakenOver, "seat taken over by a newer connection");
        }

        LastActivity = time.GetUtcNow();
        holder.StopHold();
        holder.Connection = connection;
        connection.Room = this;
        connection.Seat = seat;
        if (previous is null)
        {
            var messages = NumberSeatEvent("playerOnline", seat);
            Commit(Record(RoomEventKind.Online, seat), messages, (connection, Welcome(seat, token)));
        }
        else
        {
            SendWhenDurable(connection, Welcome(seat, token));
        }

        return null;
    }

    /// <summary>Starts the clock on an absent player: when it runs out they leave (forfeiting a game in play).</summary>
    private void HoldSeat(int seat)
    {
        var holder = seats[seat]!;
        if (game.Status != GameStatus.Finished)
        {
            holder.StartHold(time.CreateTimer(_ => EndAbsence(seat, holder), null, seatHold, Timeout.InfiniteTimeSpan));
        }
    }

    private void EndAbsence(int seat, SeatHolder holder)
    {
        lock (gate)
        {
            if (seats[seat] != holder || holder.Connection is not null || holder.HoldTimer is null)
            {
                return;
            }

            holder.StopHold();
            var result = game.Leave(seat);
            Commit(Record(RoomEventKind.Leave, seat), Number(result.Events));
            VacateOrKeep(seat);
        }
    }

    /// <summary>Before the start a departed player's seat is free again; afterwards it stays theirs, unusable.</summary>
    private void VacateOrKeep(int seat)
    {
        if (game.Status == GameStatus.Waiting)
        {
            seats[seat]!.StopHold();
            seats[seat] = null;
        }
    }
}
