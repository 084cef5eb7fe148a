using GoldMiner.Core;

namespace GoldMiner.Server.Protocol;

/// <summary>The `code` values of the `error` message, exactly as the wire contract spells them.</summary>
public static class ErrorCodes
{
    public const string BadMessage = "badMessage";
    public const string UnknownType = "unknownType";
    public const string NoSuchRoom = "noSuchRoom";
    public const string RoomFull = "roomFull";
    public const string NotJoined = "notJoined";
    public const string AlreadyJoined = "alreadyJoined";
    public const string BadToken = "badToken";
    public const string NotYourTurn = "notYourTurn";
    public const string NotStarted = "notStarted";
    public const string AlreadyDug = "alreadyDug";
    public const string OutOfBounds = "outOfBounds";
    public const string GameOver = "gameOver";
    public const string Spectator = "spectator";
    public const string RateLimited = "rateLimited";

    /// <summary>The error a client sees for a move the rules refused.</summary>
    public static (string Code, string Message) For(Rejection rejection) => rejection switch
    {
        Rejection.RoomFull => (RoomFull, "Both seats are taken; join with \"spectate\": true to watch."),
        Rejection.NotStarted => (NotStarted, "The game starts when the second player joins."),
        Rejection.NotYourTurn => (NotYourTurn, "It is the other player's turn."),
        Rejection.OutOfBounds => (OutOfBounds, "That cell is outside the board."),
        Rejection.AlreadyDug => (AlreadyDug, "That cell has already been dug."),
        Rejection.GameOver => (GameOver, "The game is over."),
        Rejection.NotSeated => (NotJoined, "You do not hold a seat in this room."),
        _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection, null),
    };
}
