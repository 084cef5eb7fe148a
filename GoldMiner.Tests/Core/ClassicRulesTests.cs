using GoldMiner.Core;
using GoldMiner.Core.Events;
using static GoldMiner.Tests.Core.GameFixtures;

namespace GoldMiner.Tests.Core;

public class ClassicRulesTests
{
    // Gold at (0,0), (0,1) and (3,3).
    private const string ThreeGold = "GG1./221./..11/..1G";

    // Gold at (0,0) and (3,3).
    private const string TwoGold = "G1../11../..11/..1G";

    [Theory]
    [InlineData(0, 2)]
    [InlineData(2, 0)]
    [InlineData(0, 0)]
    public void Dig_AlwaysPassesTheTurn(int row, int col)
    {
        var game = StartedGame(ThreeGold);

        var dug = game.DigAccepted(0, row, col);

        dug.Turn.Should().Be(1);
        game.Turn.Should().Be(1);
    }

    [Fact]
    public void Dig_GoldTwiceInARow_StillAlternates()
    {
        var game = StartedGame(ThreeGold);

        var first = game.DigAccepted(0, 0, 0);
        var second = game.DigAccepted(1, 0, 1);

        first.Turn.Should().Be(1);
        second.Turn.Should().Be(0);
        game.Scores.Should().Equal(1, 1);
    }

    [Fact]
    public void Dig_HoldingAMajority_DoesNotEndAClassicGame()
    {
        var game = StartedGame(ThreeGold).Play((0, 0, 0), (1, 2, 0));

        var dug = game.DigAccepted(0, 0, 1);

        dug.Turn.Should().Be(1);
        game.Status.Should().Be(GameStatus.Playing);
        game.EndReason.Should().BeNull();
    }

    [Fact]
    public void Dig_LastGold_EndsTheGameWithTheHigherScoreWinning()
    {
        var game = StartedGame(ThreeGold).Play((0, 0, 0), (1, 2, 0), (0, 0, 1));

        var result = game.Dig(1, 3, 3);

        result.Events.Should().HaveCount(2);
        var dug = result.Events[0].Should().BeOfType<CellsDug>().Subject;
        dug.Scores.Should().Equal(2, 1);
        dug.GoldLeft.Should().Be(0);
        dug.Turn.Should().BeNull();
        var ended = result.Events[1].Should().BeOfType<GameEnded>().Subject;
        ended.Scores.Should().Equal(2, 1);
        ended.Winner.Should().Be(0);
        ended.Reason.Should().Be(GameEndReason.AllGoldFound);
        game.Status.Should().Be(GameStatus.Finished);
        game.Winner.Should().Be(0);
        game.EndReason.Should().Be(GameEndReason.AllGoldFound);
        game.Turn.Should().BeNull();
    }

    [Fact]
    public void Dig_LastGold_LetsTheSecondSeatWinToo()
    {
        var game = StartedGame(ThreeGold).Play((0, 2, 0), (1, 0, 0), (0, 0, 2), (1, 0, 1), (0, 0, 3));

        var dug = game.DigAccepted(1, 3, 3);

        dug.Scores.Should().Equal(0, 3);
        game.Winner.Should().Be(1);
    }

    [Fact]
    public void Dig_LastGoldWithEqualScores_IsATie()
    {
        var game = StartedGame(TwoGold).Play((0, 0, 0));

        var result = game.Dig(1, 3, 3);

        var ended = result.Events.Should().ContainSingle(e => e is GameEnded).Subject.As<GameEnded>();
        ended.Winner.Should().BeNull();
        ended.Scores.Should().Equal(1, 1);
        ended.Reason.Should().Be(GameEndReason.AllGoldFound);
        game.Winner.Should().BeNull();
        game.Status.Should().Be(GameStatus.Finished);
    }

    [Fact]
    public void Dig_GoldThatIsNotTheLast_DoesNotEndTheGame()
    {
        var game = StartedGame(TwoGold);

        var result = game.Dig(0, 0, 0);

        result.Events.Should().ContainSingle().Which.Should().BeOfType<CellsDug>();
        game.Status.Should().Be(GameStatus.Playing);
        game.GoldLeft.Should().Be(1);
    }

    [Fact]
    public void Dig_SingleGoldBoard_EndsAtOnceWithTheFinderWinning()
    {
        var game = StartedGame("G1../11../..../....").Play((0, 3, 3));

        var result = game.Dig(1, 0, 0);

        result.Events.Should().HaveCount(2);
        result.Events[1].Should().BeOfType<GameEnded>().Which.Winner.Should().Be(1);
    }

    [Fact]
    public void Dig_RevealingEveryNonGoldCell_LeavesTheGameRunning()
    {
        var game = StartedGame(TwoGold);

        game.Play((0, 0, 3));

        game.Status.Should().Be(GameStatus.Playing);
        DugMask(game).Should().Be("-xxx/xxxx/xxxx/xxx-");
        game.Turn.Should().Be(1);
    }
}
