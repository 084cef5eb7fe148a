using GoldMiner.Core;
using GoldMiner.Core.Moves;
using static GoldMiner.Tests.Core.GameFixtures;

namespace GoldMiner.Tests.Core;

public class ReplayTests
{
    private const string ThreeGold = "GG1./221./..11/..1G";

    [Theory]
    [InlineData(GameRules.Classic, 5)]
    [InlineData(GameRules.Classic, 1000)]
    [InlineData(GameRules.Flags, 5)]
    [InlineData(GameRules.Flags, 1000)]
    public void Replay_FromOptionsAndSeed_RebuildsTheSameGame(GameRules rules, int digs)
    {
        var options = new GameOptions(9, 11, 15, rules);
        var game = new Game(options, seed: 20240611);
        game.Join("Ada");
        game.Join("Bob");
        DigInReadingOrder(game, digs);

        var replayed = Game.Replay(options, 20240611, game.Moves);

        GameSnapshot.Of(replayed).Should().Be(GameSnapshot.Of(game));
        replayed.Moves.Should().Equal(game.Moves);
    }

    [Fact]
    public void Replay_FromBoard_RebuildsAFinishedGame()
    {
        var game = StartedGame(ThreeGold, GameRules.Flags).Play((0, 2, 0), (1, 0, 0), (1, 0, 1));

        var replayed = Game.Replay(game.Board, GameRules.Flags, game.Moves);

        game.Status.Should().Be(GameStatus.Finished);
        GameSnapshot.Of(replayed).Should().Be(GameSnapshot.Of(game));
    }

    [Fact]
    public void Replay_FromBoard_RebuildsAForfeitAndLaterLeave()
    {
        var game = StartedGame(ThreeGold).Play((0, 0, 0));
        game.Leave(1);
        game.Leave(0);

        var replayed = Game.Replay(Board.Parse(ThreeGold), GameRules.Classic, game.Moves);

        GameSnapshot.Of(replayed).Should().Be(GameSnapshot.Of(game));
        replayed.HasLeft(0).Should().BeTrue();
        replayed.HasLeft(1).Should().BeTrue();
        replayed.Winner.Should().Be(0);
    }

    [Fact]
    public void Replay_LeaveWhileWaitingAndRejoin_RebuildsTheSeats()
    {
        var game = new Game(Board.Parse(ThreeGold), GameRules.Classic);
        game.Join("Ada");
        game.Leave(0);
        game.Join("Bob");
        game.Join("Cy");
        game.Play((0, 0, 2));

        var replayed = Game.Replay(game.Board, GameRules.Classic, game.Moves);

        GameSnapshot.Of(replayed).Should().Be(GameSnapshot.Of(game));
        replayed.PlayerName(0).Should().Be("Bob");
        replayed.PlayerName(1).Should().Be("Cy");
    }

    [Fact]
    public void Replay_NoMoves_GivesAFreshGame()
    {
        var replayed = Game.Replay(GameOptions.Default, 7, []);

        replayed.Status.Should().Be(GameStatus.Waiting);
        replayed.Moves.Should().BeEmpty();
        replayed.Board.ToString().Should().Be(Board.Generate(9, 9, 10, 7).ToString());
        replayed.Rules.Should().Be(GameRules.Classic);
    }

    [Fact]
    public void Replay_UsesTheRulesFromTheOptions()
    {
        var options = new GameOptions(4, 4, 3, GameRules.Flags);

        var replayed = Game.Replay(options, 42, []);

        replayed.Rules.Should().Be(GameRules.Flags);
        replayed.Board.ToString().Should().Be("2GG1/2G31/1110/0000");
    }

    [Fact]
    public void Replay_GivesAnIndependentGame()
    {
        var game = StartedGame(ThreeGold).Play((0, 2, 0));
        var replayed = Game.Replay(game.Board, GameRules.Classic, game.Moves);

        game.Play((1, 0, 0));

        replayed.Moves.Should().HaveCount(3);
        replayed.Turn.Should().Be(1);
        replayed.IsDug(0, 0).Should().BeFalse();
    }

    public static TheoryData<string, GameMove[]> InvalidHistories => new()
    {
        { "dig before anyone joins", [new DigMove(0, 0, 0)] },
        { "dig before the second join", [new JoinMove("Ada"), new DigMove(0, 0, 0)] },
        { "dig out of turn", [new JoinMove("Ada"), new JoinMove("Bob"), new DigMove(1, 0, 0)] },
        { "dig twice in classic", [new JoinMove("Ada"), new JoinMove("Bob"), new DigMove(0, 0, 0), new DigMove(0, 0, 1)] },
        { "dig the same cell", [new JoinMove("Ada"), new JoinMove("Bob"), new DigMove(0, 0, 2), new DigMove(1, 0, 2)] },
        { "dig off the board", [new JoinMove("Ada"), new JoinMove("Bob"), new DigMove(0, 4, 0)] },
        { "third join", [new JoinMove("Ada"), new JoinMove("Bob"), new JoinMove("Cy")] },
        { "leave an empty seat", [new JoinMove("Ada"), new LeaveMove(1)] },
        { "leave twice", [new JoinMove("Ada"), new JoinMove("Bob"), new LeaveMove(0), new LeaveMove(0)] },
        { "dig after the end", [new JoinMove("Ada"), new JoinMove("Bob"), new LeaveMove(0), new DigMove(1, 0, 0)] },
    };

    [Theory]
    [MemberData(nameof(InvalidHistories))]
    public void Replay_InvalidHistory_Throws(string why, GameMove[] history)
    {
        var replay = () => Game.Replay(Board.Parse(ThreeGold), GameRules.Classic, history);

        replay.Should().Throw<InvalidOperationException>(why).WithMessage("Move *was refused*");
    }

    [Fact]
    public void Replay_HistoryFromAnotherBoard_ThrowsWhereItStopsFitting()
    {
        // Here (2,0) floods every safe cell, so the fourth move digs a cell that is already dug.
        GameMove[] history = [new JoinMove("Ada"), new JoinMove("Bob"), new DigMove(0, 2, 0), new DigMove(1, 0, 2)];
        var otherBoard = Board.Parse("..../..../..../...G");

        var replay = () => Game.Replay(otherBoard, GameRules.Classic, history);

        replay.Should().Throw<InvalidOperationException>().WithMessage("Move 4 *");
    }

    private static void DigInReadingOrder(Game game, int digs)
    {
        for (var i = 0; i < game.Board.Rows * game.Board.Cols && digs > 0 && game.Turn is { } turn; i++)
        {
            var (row, col) = (i / game.Board.Cols, i % game.Board.Cols);
            if (!game.IsDug(row, col))
            {
                game.DigAccepted(turn, row, col);
                digs--;
            }
        }
    }
}
