namespace GoldMiner.Core.Moves;

/// <summary>
/// An accepted move as a game keeps it: a value in the game's list, not an object of its own. A
/// server holds thousands of games for minutes each, and an object per dig kept for the whole game
/// was most of what every garbage collection had to promote (docs/performance.md, round 5).
/// </summary>
internal readonly record struct RecordedMove(RecordedMove.MoveKind Kind, int Seat, int Row, int Col, string? Name)
{
    public enum MoveKind : byte
    {
        Join,
        Dig,
        Leave,
    }

    public static RecordedMove Join(string name) => new(MoveKind.Join, -1, -1, -1, name);

    public static RecordedMove Dig(int seat, int row, int col) => new(MoveKind.Dig, seat, row, col, null);

    public static RecordedMove Leave(int seat) => new(MoveKind.Leave, seat, -1, -1, null);

    public GameMove ToMove() => Kind switch
    {
        MoveKind.Join => new JoinMove(Name!),
        MoveKind.Dig => new DigMove(Seat, Row, Col),
        _ => new LeaveMove(Seat),
    };
}
