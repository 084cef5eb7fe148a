namespace GoldMiner.Core;

/// <summary>The rule set a game is played with.</summary>
public enum GameRules
{
    /// <summary>The turn always passes after a dig; the game ends when all gold is found.</summary>
    Classic,

    /// <summary>Minesweeper Flags: finding gold keeps the turn; a majority of the gold ends the game.</summary>
    Flags,
}
