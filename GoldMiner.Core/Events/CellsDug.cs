namespace GoldMiner.Core.Events;

/// <summary>
/// A dig was accepted. <paramref name="Cells"/> is everything it revealed; <paramref name="Turn"/>
/// is who digs next, or null when this dig ended the game.
/// </summary>
public sealed record CellsDug(
    int By,
    int Row,
    int Col,
    IReadOnlyList<RevealedCell> Cells,
    IReadOnlyList<int> Scores,
    int GoldLeft,
    int? Turn) : GameEvent;
