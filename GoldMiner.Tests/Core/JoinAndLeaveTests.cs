using GoldMiner.Core;
using GoldMiner.Core.Events;
using static GoldMiner.Tests.Core.GameFixtures;

namespace GoldMiner.Tests.Core;

public class JoinAndLeaveTests
{
    private const string Board2Gold = "G1../11../..11/..1G";

    [Fact]
    public void Join_First_TakesSeatZeroAndWaits()
    {
        var game = new Game(Board.Parse(Board2Gold), GameRules.Classic);

        var result = game.Join("Ada");

        result.IsAccepted.Should().BeTrue();
        result.Events.Should().Equal(new PlayerJoined(0, "Ada"));
        game.Status.Should().Be(GameStatus.Waiting);
        game.Turn.Should().BeNull();
        game.PlayerName(0).Should().Be("Ada");
        game.PlayerName(1).Should().BeNull();
    }

    [Fact]
    public void Join_Second_TakesSeatOneAndStartsWithSeatZero()
    {
        var game = new Game(Board.Parse(Board2Gold), GameRules.Classic);
        game.Join("Ada");

        var result = game.Join("Bob");

        result.Events.Should().Equal(new PlayerJoined(1, "Bob"), new GameStarted(0));
        game.Status.Should().Be(GameStatus.Playing);
        game.Turn.Should().Be(0);
        game.PlayerName(1).Should().Be("Bob");
    }

    [Fact]
    public void Join_Third_IsRejectedAsRoomFull()
    {
        var game = StartedGame(Board2Gold);
        var before = GameSnapshot.Of(game);

        var result = game.Join("Cy");

        result.Rejection.Should().Be(Rejection.RoomFull);
        result.Events.Should().BeEmpty();
        GameSnapshot.Of(game).Should().Be(before);
    }

    [Fact]
    public void Join_AfterFinish_IsRejectedAsGameOver()
    {
        var game = StartedGame(Board2Gold);
        game.Leave(0);
        game.Leave(1);

        var result = game.Join("Cy");

        result.Rejection.Should().Be(Rejection.GameOver);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Join_BlankName_Throws(string name)
    {
        var game = new Game(Board.Parse(Board2Gold), GameRules.Classic);

        var join = () => game.Join(name);

        join.Should().Throw<ArgumentException>();
        game.Moves.Should().BeEmpty();
    }

    [Fact]
    public void Leave_WhileWaiting_FreesTheSeatForTheNextJoiner()
    {
        var game = new Game(Board.Parse(Board2Gold), GameRules.Classic);
        game.Join("Ada");

        var left = game.Leave(0);
        var joined = game.Join("Bob");

        left.Events.Should().Equal(new PlayerLeft(0));
        joined.Events.Should().Equal(new PlayerJoined(0, "Bob"));
        game.Status.Should().Be(GameStatus.Waiting);
        game.HasLeft(0).Should().BeFalse();
    }

    [Fact]
    public void Leave_WhileWaitingThenTwoJoin_StartsNormally()
    {
        var game = new Game(Board.Parse(Board2Gold), GameRules.Classic);
        game.Join("Ada");
        game.Leave(0);

        game.Join("Bob");
        var result = game.Join("Cy");

        result.Events.Should().Equal(new PlayerJoined(1, "Cy"), new GameStarted(0));
        game.PlayerName(0).Should().Be("Bob");
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Leave_DuringPlay_ForfeitsToTheOtherSeat(int leaver, int winner)
    {
        var game = StartedGame(Board2Gold).Play((0, 0, 0));

        var result = game.Leave(leaver);

        result.Events.Should().HaveCount(2);
        result.Events[0].Should().Be(new PlayerLeft(leaver));
        var ended = result.Events[1].Should().BeOfType<GameEnded>().Subject;
        ended.Winner.Should().Be(winner);
        ended.Reason.Should().Be(GameEndReason.Forfeit);
        ended.Scores.Should().Equal(1, 0);
        game.Status.Should().Be(GameStatus.Finished);
        game.Winner.Should().Be(winner);
        game.EndReason.Should().Be(GameEndReason.Forfeit);
        game.Turn.Should().BeNull();
        game.HasLeft(leaver).Should().BeTrue();
        game.HasLeft(winner).Should().BeFalse();
    }

    [Fact]
    public void Leave_DuringPlayByTheLeader_StillForfeits()
    {
        var game = StartedGame(Board2Gold).Play((0, 0, 0));

        game.Leave(0);

        game.Winner.Should().Be(1);
        game.Scores.Should().Equal(1, 0);
    }

    [Fact]
    public void Leave_AfterFinish_OnlyReportsTheLeaver()
    {
        var game = StartedGame(Board2Gold).Play((0, 0, 0), (1, 3, 3));

        var result = game.Leave(1);

        result.Events.Should().Equal(new PlayerLeft(1));
        game.EndReason.Should().Be(GameEndReason.AllGoldFound);
        game.Winner.Should().BeNull();
        game.HasLeft(1).Should().BeTrue();
    }

    [Fact]
    public void Leave_AfterForfeit_OnlyReportsTheLeaverAndKeepsTheWinner()
    {
        var game = StartedGame(Board2Gold);
        game.Leave(0);

        var result = game.Leave(1);

        result.Events.Should().Equal(new PlayerLeft(1));
        game.Winner.Should().Be(1);
        game.EndReason.Should().Be(GameEndReason.Forfeit);
    }

    [Fact]
    public void Leave_Twice_IsRejectedAsNotSeated()
    {
        var game = StartedGame(Board2Gold);
        game.Leave(0);
        var before = GameSnapshot.Of(game);

        var result = game.Leave(0);

        result.Rejection.Should().Be(Rejection.NotSeated);
        GameSnapshot.Of(game).Should().Be(before);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(2)]
    public void Leave_FromAFreeOrMissingSeat_IsRejectedAsNotSeated(int seat)
    {
        var game = new Game(Board.Parse(Board2Gold), GameRules.Classic);
        game.Join("Ada");

        var result = game.Leave(seat);

        result.Rejection.Should().Be(Rejection.NotSeated);
        game.Moves.Should().HaveCount(1);
    }
}
