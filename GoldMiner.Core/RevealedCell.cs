namespace GoldMiner.Core;

/// <summary>A cell made visible by a dig, with its value (-1 for gold, else the count of gold neighbours).</summary>
public readonly record struct RevealedCell(int Row, int Col, int Value);
