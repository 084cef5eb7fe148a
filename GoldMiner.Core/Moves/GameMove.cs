namespace GoldMiner.Core.Moves;

/// <summary>
/// One accepted change to a game. A game is fully described by its options, its seed and the
/// list of its moves, so this list is what a host stores to rebuild the game later.
/// </summary>
public abstract record GameMove;
