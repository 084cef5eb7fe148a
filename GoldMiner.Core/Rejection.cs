namespace GoldMiner.Core;

/// <summary>Why a move was refused. A refused move changes nothing.</summary>
public enum Rejection
{
    /// <summary>Both seats are taken.</summary>
    RoomFull,

    /// <summary>The game has not started: a seat is still free.</summary>
    NotStarted,

    /// <summary>It is the other player's turn.</summary>
    NotYourTurn,

    /// <summary>The cell lies outside the board.</summary>
    OutOfBounds,

    /// <summary>The cell has been dug before.</summary>
    AlreadyDug,

    /// <summary>The game has ended.</summary>
    GameOver,

    /// <summary>The seat named by the move is not a seat, or nobody sits in it.</summary>
    NotSeated,
}
