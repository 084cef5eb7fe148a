using GoldMiner.Core;

namespace GoldMiner.Tests.Core;

/// <summary>
/// Everything observable about a game, flattened to values so that two snapshots compare with
/// record equality and a difference prints readably.
/// </summary>
internal sealed record GameSnapshot(
    string Board,
    GameRules Rules,
    GameStatus Status,
    int? Turn,
    int? Winner,
    GameEndReason? EndReason,
    string Scores,
    int GoldLeft,
    string Found,
    string Visible,
    string Players,
    string Moves)
{
    public static GameSnapshot Of(Game game) => new(
        game.Board.ToString(),
        game.Rules,
        game.Status,
        game.Turn,
        game.Winner,
        game.EndReason,
        string.Join(",", game.Scores),
        game.GoldLeft,
        string.Join(" ", game.Found),
        GameFixtures.Draw(game.Board.Rows, game.Board.Cols, (r, c) => Show(game.VisibleValue(r, c))),
        string.Join(",", Enumerable.Range(0, Game.SeatCount).Select(s => $"{game.PlayerName(s)}{(game.HasLeft(s) ? "(left)" : string.Empty)}")),
        string.Join("; ", game.Moves));

    private static char Show(int? value) => value switch
    {
        null => '#',
        GoldMiner.Core.Board.Gold => 'G',
        var v => (char)('0' + v),
    };
}
