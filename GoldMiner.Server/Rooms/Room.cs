using System.Net.WebSockets;
using GoldMiner.Core;
using GoldMiner.Core.Events;
using GoldMiner.Server.Connections;
using GoldMiner.Server.Protocol;

namespace GoldMiner.Server.Rooms;

/// <summary>
/// A game and the connections in it. One request at a time goes through the room's lock, so the
/// Core game stays single-threaded and every connection is handed the same events in the same
/// order: each event is numbered, serialised once and queued to every member while the lock is held.
/// </summary>
public sealed partial class Room
{
    private const WebSocketCloseStatus SeatTakenOver = (WebSocketCloseStatus)4000;

    private readonly Lock gate = new();
    private readonly Game game;
    private readonly SeatHolder?[] seats = new SeatHolder?[Game.SeatCount];
    private readonly HashSet<ClientConnection> spectators = [];
    private readonly TimeProvider time;
    private readonly TimeSpan seatHold;
    private long seq;
    private LastDig? lastDig;

    public Room(string id, string name, GameOptions options, long seed, TimeProvider time, TimeSpan seatHold)
    {
        Id = id;
        Name = name;
        Options = options;
        Seed = seed;
        this.time = time;
        this.seatHold = seatHold;
        game = new Game(options, seed);
        CreatedAt = time.GetUtcNow();
        LastActivity = CreatedAt;
    }

    public string Id { get; }

    public string Name { get; }

    public GameOptions Options { get; }

    public long Seed { get; }

    public DateTimeOffset CreatedAt { get; }

    private DateTimeOffset LastActivity { get; set; }

    private DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Takes a seat, takes one back with a token, or starts watching; the joiner gets `welcome`.</summary>
    public RoomError? Join(ClientConnection connection, JoinMessage request, string? name)
    {
        lock (gate)
        {
            LastActivity = time.GetUtcNow();
            if (request.Spectate)
            {
                spectators.Add(connection);
                connection.Room = this;
                connection.Seat = null;
                connection.Send(Welcome(null, null));
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

            var seat = ((PlayerJoined)result.Events[0]).Seat;
            var (newToken, hash) = SeatToken.Create();
            seats[seat] = new SeatHolder(hash, connection);
            connection.Room = this;
            connection.Seat = seat;
            var messages = Number(result.Events);
            connection.Send(Welcome(seat, newToken));
            Broadcast(messages);
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
            Broadcast(Number(result.Events));
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
            Broadcast(Number(result.Events));
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

            var holder = seats[seat]!;
            holder.Connection = null;
            Broadcast(NumberSeatEvent("playerOffline", seat));
            if (game.Status != GameStatus.Finished)
            {
                holder.StartHold(time.CreateTimer(_ => EndAbsence(seat, holder), null, seatHold, Timeout.InfiniteTimeSpan));
            }
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

        holder.StopHold();
        holder.Connection = connection;
        connection.Room = this;
        connection.Seat = seat;
        var messages = previous is null
            ? NumberSeatEvent("playerOnline", seat)
            : [];
        connection.Send(Welcome(seat, token));
        Broadcast(messages);
        return null;
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
            Broadcast(Number(result.Events));
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
