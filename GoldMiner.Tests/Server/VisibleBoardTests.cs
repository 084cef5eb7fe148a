using FluentAssertions;
using GoldMiner.Core;
using GoldMiner.Server.Protocol;
using Xunit;

namespace GoldMiner.Tests.Server;

public sealed class VisibleBoardTests
{
    // Gold at (0,0); (0,2) opens a flood over the right and bottom.
    private const string OneGold = "G1./11./...";

    [Fact]
    public void Of_AGameInPlay_ShowsTheDugCellsAndHidesTheRest()
    {
        var game = Started();
        game.Dig(0, 0, 1);

        var board = VisibleBoard.Of(game);

        board.Rows.Should().Be(3);
        board.Cols.Should().Be(3);
        board[0, 1].Should().Be(1);
        board[0, 0].Should().BeNull("gold not dug stays secret");
        board[1, 1].Should().BeNull();
    }

    [Fact]
    public void Of_AFinishedGame_ShowsEveryCell()
    {
        var game = Started();
        game.Dig(0, 0, 0);

        var board = VisibleBoard.Of(game);

        game.Status.Should().Be(GameStatus.Finished);
        board[0, 0].Should().Be(Board.Gold);
        board[2, 2].Should().Be(0, "nothing is secret once the game is over, dug or not");
    }

    [Fact]
    public void FromRows_ReadsBackWhatItWasGiven()
    {
        int?[][] rows = [[-1, null, 8], [null, 0, 1]];

        var board = VisibleBoard.FromRows(rows);

        board.Rows.Should().Be(2);
        board.Cols.Should().Be(3);
        Enumerable.Range(0, 2).Select(r => Enumerable.Range(0, 3).Select(c => board[r, c])).Should().BeEquivalentTo(rows, o => o.WithStrictOrdering());
    }

    private static Game Started()
    {
        var game = new Game(Board.Parse(OneGold), GameRules.Classic);
        game.Join("Ada");
        game.Join("Bob");
        return game;
    }
}
