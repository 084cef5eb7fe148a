using GoldMiner.Core;
using GoldMiner.Core.Events;
using GoldMiner.Server.Lobby;
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

    /// <summary>Numbers Core's events and serialises each once. Call under the lock.</summary>
    private List<byte[]> Number(IReadOnlyList<GameEvent> events)
    {
        var messages = new List<byte[]>(events.Count);
        foreach (var gameEvent in events)
        {
            messages.Add(WireJson.SerializeToUtf8(EventMessages.From(gameEvent, ++seq, game.Board)));
        }

        if (game.Status == GameStatus.Finished && FinishedAt is null)
        {
            FinishedAt = time.GetUtcNow();
            foreach (var holder in seats)
            {
                holder?.StopHold();
            }
        }

        return messages;
    }

    /// <summary>Numbers a seat event the host itself raises (offline / online). Call under the lock.</summary>
    private List<byte[]> NumberSeatEvent(string type, int seat) =>
        [WireJson.SerializeToUtf8(new SeatEventMessage(type, ++seq, seat))];

    /// <summary>Queues the same bytes to every member. Call under the lock.</summary>
    private void Broadcast(List<byte[]> messages)
    {
        foreach (var message in messages)
        {
            foreach (var holder in seats)
            {
                holder?.Connection?.Send(message);
            }

            foreach (var spectator in spectators)
            {
                spectator.Send(message);
            }
        }
    }

    private WelcomeMessage Welcome(int? seat, string? token) => new(Id, seat, token, State());

    private RoomState State()
    {
        var finished = game.Status == GameStatus.Finished;
        var board = new int?[Options.Rows][];
        for (var r = 0; r < Options.Rows; r++)
        {
            board[r] = new int?[Options.Cols];
            for (var c = 0; c < Options.Cols; c++)
            {
                // Once the game is over nothing is secret: the state shows the whole board, as gameOver does.
                board[r][c] = finished ? game.Board[r, c] : game.VisibleValue(r, c);
            }
        }

        return new RoomState(
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
            board,
            game.Found.ToArray(),
            spectators.Count,
            lastDig,
            game.Winner,
            game.EndReason is { } reason ? WireNames.Of(reason) : null);
    }

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
}
