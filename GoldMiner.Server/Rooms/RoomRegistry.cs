using System.Collections.Concurrent;
using System.Security.Cryptography;
using GoldMiner.Core;
using GoldMiner.Server.Configuration;
using GoldMiner.Server.Logging;
using Microsoft.Extensions.Options;

namespace GoldMiner.Server.Rooms;

/// <summary>Every open room, by id. Rooms are created here and removed by the cleanup service.</summary>
public sealed class RoomRegistry(TimeProvider time, IOptions<GoldMinerOptions> options, ILogger<RoomRegistry> logger)
{
    // Unambiguous when read aloud or typed from a screen: no 0/o, 1/l.
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    private readonly ConcurrentDictionary<string, (Room Room, long Order)> rooms = new();
    private readonly Lock creation = new();
    private long created;

    public int Count => rooms.Count;

    public bool IsFull => rooms.Count >= options.Value.Limits.MaxRooms;

    public Room? Find(string id) => rooms.TryGetValue(id, out var entry) ? entry.Room : null;

    /// <summary>Opens a room, or returns null when the cap on open rooms is reached.</summary>
    public Room? TryCreate(string name, GameOptions gameOptions)
    {
        lock (creation)
        {
            if (IsFull)
            {
                Log.RoomLimitReached(logger, rooms.Count);
                return null;
            }

            string id;
            do
            {
                id = RandomNumberGenerator.GetString(IdAlphabet, 8);
            }
            while (rooms.ContainsKey(id));

            var seed = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(sizeof(long)));
            var room = new Room(id, name, gameOptions, seed, time, TimeSpan.FromSeconds(options.Value.SeatHoldSeconds));
            rooms[id] = (room, ++created);
            Log.RoomCreated(logger, id, gameOptions.Rows, gameOptions.Cols, gameOptions.Gold, Protocol.WireNames.Of(gameOptions.Rules));
            return room;
        }
    }

    /// <summary>Open rooms, newest first.</summary>
    public IReadOnlyList<Room> Newest() =>
        rooms.Values.OrderByDescending(entry => entry.Order).Select(entry => entry.Room).ToList();

    /// <summary>Removes rooms finished long enough ago and rooms nobody is in any more.</summary>
    public int RemoveExpired()
    {
        var now = time.GetUtcNow();
        var finishedTtl = TimeSpan.FromSeconds(options.Value.FinishedRoomSeconds);
        var abandonedTtl = TimeSpan.FromSeconds(options.Value.EmptyRoomSeconds);
        var removed = 0;
        foreach (var (id, entry) in rooms)
        {
            if (entry.Room.IsExpired(now, finishedTtl, abandonedTtl) && rooms.TryRemove(id, out _))
            {
                entry.Room.Dispose();
                removed++;
            }
        }

        if (removed > 0)
        {
            Log.RoomsRemoved(logger, removed);
        }

        return removed;
    }
}
