namespace GoldMiner.Core;

/// <summary>The shape of a game: board size, amount of gold and rule set.</summary>
/// <param name="Rows">Number of rows, <see cref="MinSize"/>..<see cref="MaxSize"/>.</param>
/// <param name="Cols">Number of columns, <see cref="MinSize"/>..<see cref="MaxSize"/>.</param>
/// <param name="Gold">Number of gold cells, 1..(Rows * Cols - 1).</param>
/// <param name="Rules">The rule set.</param>
public sealed record GameOptions(int Rows, int Cols, int Gold, GameRules Rules = GameRules.Classic)
{
    /// <summary>The smallest allowed number of rows or columns.</summary>
    public const int MinSize = 4;

    /// <summary>The largest allowed number of rows or columns.</summary>
    public const int MaxSize = 30;

    /// <summary>The classic beginner board: 9 x 9 with 10 gold.</summary>
    public static GameOptions Default { get; } = new(9, 9, 10);

    /// <summary>
    /// Checks the options against the limits of the game.
    /// </summary>
    /// <returns>null when valid, otherwise the offending field ("rows", "cols" or "gold") and why.</returns>
    public (string Field, string Reason)? Validate()
    {
        if (Rows is < MinSize or > MaxSize)
        {
            return ("rows", $"rows must be between {MinSize} and {MaxSize}.");
        }

        if (Cols is < MinSize or > MaxSize)
        {
            return ("cols", $"cols must be between {MinSize} and {MaxSize}.");
        }

        var maxGold = (Rows * Cols) - 1;
        if (Gold < 1 || Gold > maxGold)
        {
            return ("gold", $"gold must be between 1 and {maxGold} for a {Rows} x {Cols} board.");
        }

        return null;
    }
}
