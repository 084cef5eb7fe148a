namespace GoldMiner.Core.Moves;

/// <summary>
/// An accepted move as a game keeps it: four bytes in the game's list, not an object of its own. A
/// server holds thousands of games for minutes each; an object per dig kept for the whole game was
/// most of what every garbage collection had to promote (docs/performance.md, round 5), and the
/// list's growth is allocated per dig too (round 6). A board is at most 30 x 30 and there are two
/// seats, so a byte each holds them. A join's name is kept beside the list, in join order.
/// </summary>
internal readonly record struct RecordedMove(RecordedMove.MoveKind Kind, byte Seat, byte Row, byte Col)
{
    public enum MoveKind : byte
    {
        Join,
        Dig,
        Leave,
    }

    public static RecordedMove Join(int seat) => new(MoveKind.Join, (byte)seat, 0, 0);

    public static RecordedMove Dig(int seat, int row, int col) => new(MoveKind.Dig, (byte)seat, (byte)row, (byte)col);

    public static RecordedMove Leave(int seat) => new(MoveKind.Leave, (byte)seat, 0, 0);

    /// <param name="joinName">The name of this join (the game keeps them in join order); unused by other moves.</param>
    public GameMove ToMove(string? joinName) => Kind switch
    {
        MoveKind.Join => new JoinMove(joinName!),
        MoveKind.Dig => new DigMove(Seat, Row, Col),
        _ => new LeaveMove(Seat),
    };
}
