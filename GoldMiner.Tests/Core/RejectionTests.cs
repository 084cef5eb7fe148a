using GoldMiner.Core;
using static GoldMiner.Tests.Core.GameFixtures;

namespace GoldMiner.Tests.Core;

public class RejectionTests
{
    // Gold at (0,0), (0,1) and (3,3); (2,0) floods the south-west corner.
    private const string ThreeGold = "GG1./221./..11/..1G";

    [Fact]
    public void Dig_BeforeAnyoneJoins_IsRejectedAsNotStarted()
    {
        var game = new Game(Board.Parse(ThreeGold), GameRules.Classic);

        ShouldRefuse(game, g => g.Dig(0, 0, 0), Rejection.NotStarted);
    }

    [Fact]
    public void Dig_WithOneSeatFilled_IsRejectedAsNotStarted()
    {
        var game = new Game(Board.Parse(ThreeGold), GameRules.Classic);
        game.Join("Ada");

        ShouldRefuse(game, g => g.Dig(0, 0, 0), Rejection.NotStarted);
    }

    [Fact]
    public void Dig_OutOfTurn_IsRejected()
    {
        var game = StartedGame(ThreeGold);

        ShouldRefuse(game, g => g.Dig(1, 0, 0), Rejection.NotYourTurn);
    }

    [Theory]
    [InlineData(GameRules.Classic)]
    [InlineData(GameRules.Flags)]
    public void Dig_AgainAfterTheTurnPassed_IsRejectedAsNotYourTurn(GameRules rules)
    {
        var game = StartedGame(ThreeGold, rules).Play((0, 0, 2));

        ShouldRefuse(game, g => g.Dig(0, 0, 3), Rejection.NotYourTurn);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(-1, -1)]
    [InlineData(4, 0)]
    [InlineData(0, 4)]
    [InlineData(4, 4)]
    [InlineData(1, -3)]
    [InlineData(-3, 1)]
    [InlineData(int.MaxValue, 0)]
    [InlineData(0, int.MinValue)]
    public void Dig_OffTheBoard_IsRejectedAsOutOfBounds(int row, int col)
    {
        var game = StartedGame(ThreeGold);

        ShouldRefuse(game, g => g.Dig(0, row, col), Rejection.OutOfBounds);
    }

    [Fact]
    public void Dig_ACellDugBefore_IsRejectedAsAlreadyDug()
    {
        var game = StartedGame(ThreeGold).Play((0, 0, 2));

        ShouldRefuse(game, g => g.Dig(1, 0, 2), Rejection.AlreadyDug);
    }

    [Fact]
    public void Dig_AGoldCellFoundBefore_IsRejectedAsAlreadyDug()
    {
        var game = StartedGame(ThreeGold).Play((0, 0, 0));

        ShouldRefuse(game, g => g.Dig(1, 0, 0), Rejection.AlreadyDug);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(1, 0)]
    [InlineData(2, 2)]
    public void Dig_ACellTheOtherPlayersFloodRevealed_IsRejectedAsAlreadyDug(int row, int col)
    {
        var game = StartedGame(ThreeGold).Play((0, 2, 0));

        ShouldRefuse(game, g => g.Dig(1, row, col), Rejection.AlreadyDug);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Dig_AfterTheGameEnded_IsRejectedAsGameOver(int seat)
    {
        var game = StartedGame("G1../11../..../....").Play((0, 0, 0));

        ShouldRefuse(game, g => g.Dig(seat, 3, 3), Rejection.GameOver);
    }

    [Fact]
    public void Dig_AfterAForfeit_IsRejectedAsGameOver()
    {
        var game = StartedGame(ThreeGold);
        game.Leave(1);

        ShouldRefuse(game, g => g.Dig(0, 0, 0), Rejection.GameOver);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(int.MaxValue)]
    public void Dig_FromNoSeat_IsRejectedAsNotSeated(int seat)
    {
        var game = StartedGame(ThreeGold);

        ShouldRefuse(game, g => g.Dig(seat, 0, 0), Rejection.NotSeated);
    }

    [Fact]
    public void Join_WhenFull_IsRejectedAsRoomFull()
    {
        var game = StartedGame(ThreeGold).Play((0, 2, 0));

        ShouldRefuse(game, g => g.Join("Cy"), Rejection.RoomFull);
    }

    [Fact]
    public void Leave_Twice_IsRejectedAsNotSeated()
    {
        var game = StartedGame(ThreeGold);
        game.Leave(0);

        ShouldRefuse(game, g => g.Leave(0), Rejection.NotSeated);
    }

    [Fact]
    public void Dig_RejectedMidGame_LeavesTheTurnWithTheSamePlayer()
    {
        var game = StartedGame(ThreeGold).Play((0, 2, 0));
        game.Dig(1, 9, 9);
        game.Dig(0, 0, 0);
        game.Dig(1, 3, 0);

        var dug = game.DigAccepted(1, 3, 3);

        dug.Scores.Should().Equal(0, 1);
        game.Turn.Should().Be(0);
    }

    private static void ShouldRefuse(Game game, Func<Game, MoveResult> move, Rejection expected)
    {
        var before = GameSnapshot.Of(game);
        var movesBefore = game.Moves.Count;

        var result = move(game);

        result.Rejection.Should().Be(expected);
        result.IsAccepted.Should().BeFalse();
        result.Events.Should().BeEmpty();
        game.Moves.Should().HaveCount(movesBefore);
        GameSnapshot.Of(game).Should().Be(before);
    }
}
