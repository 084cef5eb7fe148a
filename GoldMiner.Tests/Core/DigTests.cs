using GoldMiner.Core;
using GoldMiner.Core.Moves;
using static GoldMiner.Tests.Core.GameFixtures;

namespace GoldMiner.Tests.Core;

public class DigTests
{
    // Gold at (0,0), (0,1) and (3,3).
    private const string ThreeGold = "GG1./221./..11/..1G";

    [Theory]
    [InlineData(0, 2, 1)]
    [InlineData(1, 0, 2)]
    [InlineData(1, 1, 2)]
    [InlineData(2, 3, 1)]
    public void Dig_NumberCell_RevealsOnlyThatCell(int row, int col, int value)
    {
        var game = StartedGame(ThreeGold);

        var dug = game.DigAccepted(0, row, col);

        dug.Cells.Should().Equal(new RevealedCell(row, col, value));
        game.IsDug(row, col).Should().BeTrue();
        game.VisibleValue(row, col).Should().Be(value);
        DugMask(game).Count(ch => ch == 'x').Should().Be(1);
    }

    [Fact]
    public void Dig_Gold_RevealsOnlyThatCellAndScoresForTheDigger()
    {
        var game = StartedGame(ThreeGold).Play((0, 2, 0));

        var dug = game.DigAccepted(1, 3, 3);

        dug.Cells.Should().Equal(new RevealedCell(3, 3, Board.Gold));
        dug.Scores.Should().Equal(0, 1);
        dug.GoldLeft.Should().Be(2);
        game.Scores.Should().Equal(0, 1);
        game.Found.Should().Equal(new FoundGold(3, 3, 1));
        game.VisibleValue(3, 3).Should().Be(Board.Gold);
    }

    [Fact]
    public void Dig_NonGold_ScoresNothing()
    {
        var game = StartedGame(ThreeGold);

        var dug = game.DigAccepted(0, 0, 2);

        dug.Scores.Should().Equal(0, 0);
        dug.GoldLeft.Should().Be(3);
        game.Found.Should().BeEmpty();
    }

    [Fact]
    public void Dig_ReportsWhoDugWhereAndRunningTotals()
    {
        var game = StartedGame(ThreeGold).Play((0, 0, 0), (1, 2, 0));

        var dug = game.DigAccepted(0, 0, 1);

        dug.By.Should().Be(0);
        dug.Row.Should().Be(0);
        dug.Col.Should().Be(1);
        dug.Scores.Should().Equal(2, 0);
        dug.GoldLeft.Should().Be(1);
        dug.Turn.Should().Be(1);
        game.GoldLeft.Should().Be(1);
        game.Found.Should().Equal(new FoundGold(0, 0, 0), new FoundGold(0, 1, 0));
    }

    [Fact]
    public void Dig_EventScores_AreASnapshotNotALiveView()
    {
        var game = StartedGame(ThreeGold);
        var first = game.DigAccepted(0, 0, 0);

        game.Play((1, 0, 1));

        first.Scores.Should().Equal(1, 0);
        game.Scores.Should().Equal(1, 1);
    }

    [Fact]
    public void Dig_IsRecordedAsAMove()
    {
        var game = StartedGame(ThreeGold);

        game.Play((0, 2, 0), (1, 0, 2));

        game.Moves.Should().Equal(
            new JoinMove(First),
            new JoinMove(Second),
            new DigMove(0, 2, 0),
            new DigMove(1, 0, 2));
    }

    [Fact]
    public void VisibleValue_OfAnUndugCell_IsNull()
    {
        var game = StartedGame(ThreeGold).Play((0, 0, 2));

        game.VisibleValue(0, 0).Should().BeNull();
        game.IsDug(0, 0).Should().BeFalse();
        game.VisibleValue(0, 2).Should().Be(1);
    }

    [Fact]
    public void Apply_RoutesEachKindOfMove()
    {
        var game = new Game(Board.Parse(ThreeGold), GameRules.Classic);

        game.Apply(new JoinMove("Ada"));
        game.Apply(new JoinMove("Bob"));
        var dig = game.Apply(new DigMove(0, 0, 0));
        var leave = game.Apply(new LeaveMove(1));

        dig.IsAccepted.Should().BeTrue();
        leave.IsAccepted.Should().BeTrue();
        game.Scores.Should().Equal(1, 0);
        game.Winner.Should().Be(0);
        game.Moves.Should().HaveCount(4);
    }
}
