using GoldMiner.Core;
using GoldMiner.Server.Persistence;

namespace GoldMiner.Server.Rooms;

/// <summary>Rebuilding a room after a restart, from its journal alone.</summary>
public sealed partial class Room
{
    /// <summary>
    /// Replays the stored moves through Core, gives each seated player back their token's seat (they
    /// are all offline: nobody is connected yet) and restarts their absence clocks from now.
    /// </summary>
    public static Room Restore(StoredRoom stored, TimeProvider time, TimeSpan seatHold, GameJournal journal)
    {
        var room = new Room(stored.Opened, stored.Replay(), time, seatHold, journal);
        lock (room.gate)
        {
            room.seq = stored.Events.Count == 0 ? 0 : stored.Events[^1].Seq;
            if (stored.Events.LastOrDefault(e => e.Kind == RoomEventKind.Dig) is { } dig)
            {
                room.lastDig = new Protocol.LastDig(dig.Row!.Value, dig.Col!.Value, dig.Seat);
            }

            for (var seat = 0; seat < Game.SeatCount; seat++)
            {
                var join = stored.LastJoin(seat);
                if (room.game.PlayerName(seat) is null || join?.TokenHash is null)
                {
                    continue;
                }

                room.seats[seat] = new SeatHolder(join.TokenHash, null);
                if (!room.game.HasLeft(seat))
                {
                    room.HoldSeat(seat);
                }
            }

            if (room.game.Status == GameStatus.Finished)
            {
                room.FinishedAt = stored.FinishedAt ?? time.GetUtcNow();
            }
        }

        return room;
    }
}
