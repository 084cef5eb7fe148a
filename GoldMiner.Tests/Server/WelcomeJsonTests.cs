using System.Text;
using FluentAssertions;
using GoldMiner.Core;
using GoldMiner.Server.Protocol;
using Newtonsoft.Json.Linq;
using Xunit;

namespace GoldMiner.Tests.Server;

/// <summary>
/// The welcome is written by hand with Utf8JsonWriter; <see cref="WelcomeMessage"/> serialised by
/// WireJson stays the contract. These hold the fast writer to it in every state a room can be in.
/// </summary>
public sealed class WelcomeJsonTests
{
    private static readonly PlayerInfo Alice = new(0, "Alice", 2, true);
    private static readonly PlayerInfo Bob = new(1, "Bob", 1, false);

    public static TheoryData<WelcomeMessage> Welcomes() =>
    [
        // The first player in, waiting for an opponent.
        new WelcomeMessage("k3tq9wzm", 0, "q0vX3f8KcY2mA6nW1bT9sg", State("waiting", turn: null, [Alice with { Score = 0 }], Hidden(4, 4), [], lastDig: null)),

        // A spectator (no seat, no token) in the middle of a game, gold found by both.
        new WelcomeMessage("k3tq9wzm", null, null, State("playing", turn: 1, [Alice, Bob], Dug(5, 6), [new FoundGold(0, 0, 0), new FoundGold(4, 5, 1)], new LastDig(4, 5, 1))),

        // Finished with a winner, and finished in a tie (the winner null, still written).
        new WelcomeMessage("r2", 1, "Zr4", State("finished", turn: null, [Alice, Bob], Revealed(4, 4), [new FoundGold(1, 1, 0)], new LastDig(1, 1, 0), winner: 0, reason: "allGold")),
        new WelcomeMessage("r3", 0, "tok", State("finished", turn: null, [Alice, Bob], Revealed(4, 4), [], new LastDig(3, 3, 1), winner: null, reason: "forfeit")),

        // The largest board the rules allow.
        new WelcomeMessage("big", 1, "t", State("playing", turn: 0, [Alice, Bob], Dug(30, 30), [], new LastDig(29, 29, 0))),
    ];

    [Theory]
    [MemberData(nameof(Welcomes))]
    public void Writes_the_same_bytes_as_the_contract_record(WelcomeMessage welcome)
    {
        Encoding.UTF8.GetString(WelcomeJson.ToUtf8(welcome).AsSpan()).Should().Be(WireJson.Serialize(welcome));
    }

    [Theory]
    [InlineData("emoji ⛏️💰")]
    [InlineData("王小明 \"the miner\"")]
    [InlineData("<b>&'</b>")]
    [InlineData("back\\slash")]
    public void Names_any_escaping_aside_carry_the_same_value(string name)
    {
        var state = State("playing", turn: 0, [Alice with { Name = name }, Bob], Hidden(4, 4), [], lastDig: null) with { Name = name };
        var welcome = new WelcomeMessage("k3tq9wzm", 0, "t", state);

        var fast = JToken.Parse(Encoding.UTF8.GetString(WelcomeJson.ToUtf8(welcome).AsSpan()));

        JToken.DeepEquals(fast, JToken.Parse(WireJson.Serialize(welcome))).Should().BeTrue();
        fast["state"]!["name"]!.Value<string>().Should().Be(name);
        fast["state"]!["players"]![0]!["name"]!.Value<string>().Should().Be(name);
    }

    private static RoomState State(
        string status, int? turn, PlayerInfo[] players, int?[][] board, FoundGold[] found, LastDig? lastDig, int? winner = null, string? reason = null) =>
        new("k3tq9wzm", "Friday night", "classic", status, board.Length, board[0].Length, 10, 10 - found.Length, turn, 17, players, VisibleBoard.FromRows(board), found, 2, lastDig, winner, reason);

    private static int?[][] Hidden(int rows, int cols) =>
        Enumerable.Range(0, rows).Select(_ => new int?[cols]).ToArray();

    // Every third cell dug, with values from -1 (gold) to 8.
    private static int?[][] Dug(int rows, int cols) =>
        Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, cols).Select(c => (r + c) % 3 == 0 ? ((r * cols) + c) % 10 - 1 : (int?)null).ToArray()).ToArray();

    private static int?[][] Revealed(int rows, int cols) =>
        Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, cols).Select(c => (int?)(((r * cols) + c) % 10 - 1)).ToArray()).ToArray();
}
