namespace GoldMiner.Core.Events;

/// <summary>
/// A dig was accepted. <paramref name="Cells"/> is everything it revealed; <paramref name="Scores"/>
/// are both seats' after it; <paramref name="Turn"/> is who digs next, or null when this dig ended the game.
/// </summary>
public sealed record CellsDug(
    int By,
    int Row,
    int Col,
    InlineList<RevealedCell> Cells,
    InlineList<int> Scores,
    int GoldLeft,
    int? Turn) : GameEvent;
