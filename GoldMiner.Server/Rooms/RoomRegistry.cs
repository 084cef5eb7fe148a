using System.Collections.Concurrent;
using System.Security.Cryptography;
using GoldMiner.Core;
using GoldMiner.Server.Configuration;
using GoldMiner.Server.Logging;
using GoldMiner.Server.Persistence;
using GoldMiner.Server.Protocol;
using Microsoft.Extensions.Options;

namespace GoldMiner.Server.Rooms;

/// <summary>Every open room, by id. Rooms are created (durably) here and removed by the cleanup service.</summary>
public sealed class RoomRegistry(TimeProvider time, GameJournal journal, IOptions<GoldMinerOptions> options, ILogger<RoomRegistry> logger)
{
    // Unambiguous when read aloud or typed from a screen: no 0/o, 1/l.
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    private readonly ConcurrentDictionary<string, (Room Room, long Order)> rooms = new();
    private readonly Lock creation = new();
    private long created;
    private int pending;

    public int Count => rooms.Count;

    public bool IsFull => rooms.Count + Volatile.Read(ref pending) >= options.Value.Limits.MaxRooms;

    private TimeSpan SeatHold => TimeSpan.FromSeconds(options.Value.SeatHoldSeconds);

    public Room? Find(string id) => rooms.TryGetValue(id, out var entry) ? entry.Room : null;

    /// <summary>
    /// Opens a room once its creation is durable, or returns null when the cap on open rooms is reached.
    /// </summary>
    public async Task<Room?> TryCreateAsync(string name, GameOptions gameOptions)
    {
        RoomOpened opened;
        lock (creation)
        {
            if (IsFull)
            {
                Log.RoomLimitReached(logger, rooms.Count);
                return null;
            }

            // Atomic even under the lock: the matching decrement happens outside it.
            Interlocked.Increment(ref pending);
            string id;
            do
            {
                id = RandomNumberGenerator.GetString(IdAlphabet, 8);
            }
            while (rooms.ContainsKey(id));

            opened = new RoomOpened(id, name, gameOptions, BitConverter.ToInt64(RandomNumberGenerator.GetBytes(sizeof(long))), time.GetUtcNow());
        }

        try
        {
            await journal.AppendAsync(opened);
            var room = Room.Open(opened, time, SeatHold, journal);
            Add(room);
            Log.RoomCreated(logger, room.Id, gameOptions.Rows, gameOptions.Cols, gameOptions.Gold, WireNames.Of(gameOptions.Rules));
            return room;
        }
        finally
        {
            Interlocked.Decrement(ref pending);
        }
    }

    /// <summary>Brings back the rooms that were open when the server last stopped.</summary>
    public void Restore(IEnumerable<StoredRoom> stored)
    {
        foreach (var room in stored)
        {
            try
            {
                Add(Room.Restore(room, time, SeatHold, journal));
            }
            catch (InvalidOperationException e)
            {
                throw new GameStoreUnavailableException($"Room {room.Opened.RoomId} in the journal cannot be replayed: {e.Message}", e);
            }
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
            if (!entry.Room.IsExpired(now, finishedTtl, abandonedTtl) || !rooms.TryRemove(id, out _))
            {
                continue;
            }

            entry.Room.Dispose();
            removed++;
            if (!entry.Room.IsFinished)
            {
                // Otherwise the next start would bring the abandoned room back from the journal.
                journal.Append(new RoomClosed(id, now));
            }
        }

        if (removed > 0)
        {
            Log.RoomsRemoved(logger, removed);
        }

        return removed;
    }

    private void Add(Room room)
    {
        lock (creation)
        {
            rooms[room.Id] = (room, ++created);
        }
    }
}
