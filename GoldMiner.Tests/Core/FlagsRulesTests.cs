using GoldMiner.Core;
using GoldMiner.Core.Events;
using static GoldMiner.Tests.Core.GameFixtures;

namespace GoldMiner.Tests.Core;

public class FlagsRulesTests
{
    // Gold at (0,0), (0,1) and (3,3): two of them is a majority.
    private const string ThreeGold = "GG1./221./..11/..1G";

    // Gold at (0,0), (0,1), (3,2) and (3,3): a majority takes three.
    private const string FourGold = "GG1./221./.122/.1GG";

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 3)]
    public void Dig_Gold_KeepsTheTurn(int row, int col)
    {
        var game = StartedGame(ThreeGold, GameRules.Flags);

        var dug = game.DigAccepted(0, row, col);

        dug.Turn.Should().Be(0);
        game.Turn.Should().Be(0);
        game.Status.Should().Be(GameStatus.Playing);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(2, 0)]
    [InlineData(0, 3)]
    public void Dig_NonGold_PassesTheTurn(int row, int col)
    {
        var game = StartedGame(ThreeGold, GameRules.Flags);

        var dug = game.DigAccepted(0, row, col);

        dug.Turn.Should().Be(1);
        game.Turn.Should().Be(1);
    }

    [Fact]
    public void Dig_GoldAfterTheTurnPassed_KeepsItForTheSecondSeat()
    {
        var game = StartedGame(FourGold, GameRules.Flags).Play((0, 0, 3));

        var dug = game.DigAccepted(1, 3, 2);

        dug.Turn.Should().Be(1);
    }

    [Fact]
    public void Dig_GivingAMajority_EndsTheGameAtOnce()
    {
        var game = StartedGame(ThreeGold, GameRules.Flags).Play((0, 0, 0));

        var result = game.Dig(0, 0, 1);

        result.Events.Should().HaveCount(2);
        var dug = result.Events[0].Should().BeOfType<CellsDug>().Subject;
        dug.Turn.Should().BeNull();
        dug.GoldLeft.Should().Be(1);
        var ended = result.Events[1].Should().BeOfType<GameEnded>().Subject;
        ended.Reason.Should().Be(GameEndReason.Majority);
        ended.Winner.Should().Be(0);
        ended.Scores.Should().Equal(2, 0);
        game.Status.Should().Be(GameStatus.Finished);
        game.EndReason.Should().Be(GameEndReason.Majority);
        game.GoldLeft.Should().Be(1);
    }

    [Fact]
    public void Dig_GivingTheSecondSeatAMajority_MakesItTheWinner()
    {
        var game = StartedGame(FourGold, GameRules.Flags).Play((0, 0, 3), (1, 3, 2), (1, 3, 3));

        var result = game.Dig(1, 0, 0);

        var ended = result.Events[1].Should().BeOfType<GameEnded>().Subject;
        ended.Winner.Should().Be(1);
        ended.Reason.Should().Be(GameEndReason.Majority);
        game.Scores.Should().Equal(0, 3);
        game.Winner.Should().Be(1);
    }

    [Fact]
    public void Dig_ReachingExactlyHalf_IsNotAMajority()
    {
        var game = StartedGame(FourGold, GameRules.Flags).Play((0, 0, 0));

        var dug = game.DigAccepted(0, 0, 1);

        dug.Scores.Should().Equal(2, 0);
        dug.Turn.Should().Be(0);
        game.Status.Should().Be(GameStatus.Playing);
    }

    [Fact]
    public void Dig_AllGoldFoundTwoAll_IsATie()
    {
        var game = StartedGame(FourGold, GameRules.Flags)
            .Play((0, 0, 0), (0, 0, 3), (1, 3, 2), (1, 3, 3), (1, 2, 0));

        var result = game.Dig(0, 0, 1);

        var ended = result.Events.Should().HaveCount(2).And.Subject.Last().Should().BeOfType<GameEnded>().Subject;
        ended.Reason.Should().Be(GameEndReason.AllGoldFound);
        ended.Winner.Should().BeNull();
        ended.Scores.Should().Equal(2, 2);
        game.GoldLeft.Should().Be(0);
        game.Turn.Should().BeNull();
    }

    [Fact]
    public void Dig_OnlyGoldOnTheBoard_EndsByMajority()
    {
        var game = StartedGame("G1../11../..../....", GameRules.Flags);

        var result = game.Dig(0, 0, 0);

        // One of one is both a majority and all the gold; the majority is what ends it first.
        result.Events[1].Should().BeOfType<GameEnded>().Which.Reason.Should().Be(GameEndReason.Majority);
        game.Winner.Should().Be(0);
    }

    [Fact]
    public void Leave_DuringAFlagsGame_StillForfeits()
    {
        var game = StartedGame(ThreeGold, GameRules.Flags).Play((0, 0, 0));

        var result = game.Leave(0);

        result.Events[1].Should().BeOfType<GameEnded>().Which.Winner.Should().Be(1);
        game.EndReason.Should().Be(GameEndReason.Forfeit);
    }
}
