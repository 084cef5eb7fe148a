using GoldMiner.Server.Configuration;
using GoldMiner.Server.Logging;
using GoldMiner.Server.Protocol;
using GoldMiner.Server.Rooms;
using Microsoft.Extensions.Options;

namespace GoldMiner.Server.Connections;

/// <summary>Carries out one text message from a connection: parse, check, hand it to the room.</summary>
public sealed class MessageDispatcher(RoomRegistry rooms, IOptions<GoldMinerOptions> options, ILogger<MessageDispatcher> logger)
{
    private static readonly byte[] Pong = WireJson.SerializeToUtf8(new PongMessage());

    public void Handle(ClientConnection connection, ReadOnlyMemory<byte> utf8)
    {
        // A plain dig, most of what arrives, goes straight to the room: no message object per dig.
        var error = PlainDig.TryRead(utf8.Span, out var row, out var col)
            ? Dig(connection, row, col)
            : CarryOut(connection, ClientMessageParser.ParseAny(utf8));

        if (error is { } refused)
        {
            Log.RequestRefused(logger, connection.Id, refused.Code);
            connection.Send(refused.ToMessage());
        }
    }

    private static RoomError? Reply(ClientConnection connection, byte[] message)
    {
        connection.Send(message);
        return null;
    }

    private static RoomError NotJoined() => new(ErrorCodes.NotJoined, "Join a room first.");

    private static RoomError? Dig(ClientConnection connection, int row, int col) =>
        connection.Room is { } room ? room.Dig(connection, row, col) : NotJoined();

    private RoomError? CarryOut(ClientConnection connection, ParseResult parsed) => parsed.Message switch
    {
        PingMessage => Reply(connection, Pong),
        JoinMessage join => Join(connection, join),
        DigMessage dig => Dig(connection, dig.Row, dig.Col),
        LeaveMessage => Leave(connection),
        _ => new RoomError(parsed.ErrorCode!, parsed.ErrorMessage!),
    };

    private static RoomError? Leave(ClientConnection connection)
    {
        if (connection.Room is not { } room)
        {
            return NotJoined();
        }

        room.Leave(connection);
        return null;
    }

    private RoomError? Join(ClientConnection connection, JoinMessage join)
    {
        if (connection.Room is not null)
        {
            return new RoomError(ErrorCodes.AlreadyJoined, "This connection is already in a room; send leave first.");
        }

        string? name = null;
        if (join.Name is not null)
        {
            name = DisplayName.Normalize(join.Name, options.Value.Limits.NameMaxLength, out var problem);
            if (name is null)
            {
                return new RoomError(ErrorCodes.BadMessage, $"\"name\" {problem}.");
            }
        }

        return rooms.Find(join.Room) is { } room
            ? room.Join(connection, join, name)
            : new RoomError(ErrorCodes.NoSuchRoom, "There is no room with that id.");
    }
}
