namespace GoldMiner.Core.Moves;

/// <summary>The player in <paramref name="Seat"/> digs (<paramref name="Row"/>, <paramref name="Col"/>).</summary>
public sealed record DigMove(int Seat, int Row, int Col) : GameMove;
