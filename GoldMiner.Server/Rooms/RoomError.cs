using GoldMiner.Core;
using GoldMiner.Server.Protocol;

namespace GoldMiner.Server.Rooms;

/// <summary>A request a room refused: the `error` message's code and text. Nothing changed.</summary>
public readonly record struct RoomError(string Code, string Message)
{
    public static RoomError From(Rejection rejection)
    {
        var (code, message) = ErrorCodes.For(rejection);
        return new RoomError(code, message);
    }

    public ErrorMessage ToMessage() => new(Code, Message);
}
