namespace GoldMiner.Core;

/// <summary>A gold cell that has been dug, and the seat that dug it.</summary>
public readonly record struct FoundGold(int Row, int Col, int By);
