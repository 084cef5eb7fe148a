using System.Buffers;
using System.Text;
using FluentAssertions;
using GoldMiner.Core;
using GoldMiner.Core.Events;
using GoldMiner.Server.Protocol;
using Newtonsoft.Json.Linq;
using Xunit;

namespace GoldMiner.Tests.Server;

/// <summary>
/// Room events are written by hand with Utf8JsonWriter for speed; the records in ServerMessages.cs,
/// serialised by WireJson, stay the contract. These hold the fast writer to it, byte for byte
/// where both escape alike and value for value where they may not.
/// </summary>
public sealed class EventJsonTests
{
    public static TheoryData<RoomEventMessage> Events() =>
    [
        new DugMessage(7, 1, 2, 3, [new RevealedCell(2, 3, 1)], [0, 1], 9, 0),
        new DugMessage(8, 0, 4, 4, [new RevealedCell(4, 4, -1)], [1, 1], 8, null),
        new DugMessage(9, 1, 0, 0, Flood(), [3, 4], 0, 1),
        new SeatEventMessage("playerLeft", 3, 1),
        new SeatEventMessage("playerOffline", 4, 0),
        new SeatEventMessage("playerOnline", 5, 0),
        new GameStartedMessage(2, 1),
        new PlayerJoinedMessage(1, 0, "Ada"),
        new PlayerJoinedMessage(1, 1, "王小明 \"the miner\""),
        new GameOverMessage(40, [6, 4], 0, "allGold", [[1, -1], [1, 1]]),
        new GameOverMessage(41, [5, 5], null, "allGold", [[0, 0], [0, 0]]),
    ];

    [Theory]
    [MemberData(nameof(Events))]
    public void Writes_the_same_bytes_as_the_contract_records(RoomEventMessage message)
    {
        Encoding.UTF8.GetString(EventJson.ToUtf8(message)).Should().Be(WireJson.Serialize(message));
    }

    public static TheoryData<CellsDug> Digs() =>
    [
        new CellsDug(1, 2, 3, [new RevealedCell(2, 3, 1)], [0, 1], 9, 0),
        new CellsDug(0, 4, 4, [new RevealedCell(4, 4, -1)], [1, 1], 8, null),
        new CellsDug(1, 0, 0, [.. Flood()], [3, 4], 0, 1),
    ];

    [Theory]
    [MemberData(nameof(Digs))]
    public void Writes_a_dug_straight_from_Core_as_the_contract_record(CellsDug dug)
    {
        var record = new DugMessage(12, dug.By, dug.Row, dug.Col, dug.Cells, dug.Scores, dug.GoldLeft, dug.Turn);

        Encoding.UTF8.GetString(EventJson.Dug(12, dug)).Should().Be(WireJson.Serialize(record));
    }

    public static TheoryData<GameEnded, string> Endings() => new()
    {
        { new GameEnded([6, 4], 0, GameEndReason.AllGoldFound), "G1\n11" },
        { new GameEnded([5, 5], null, GameEndReason.AllGoldFound), "...\n..." },
        { new GameEnded([2, 0], 0, GameEndReason.Forfeit), "G1.\n11." },
    };

    [Theory]
    [MemberData(nameof(Endings))]
    public void Writes_a_gameOver_straight_from_Core_as_the_contract_record(GameEnded ended, string board)
    {
        var parsed = Board.Parse(board);
        var record = new GameOverMessage(40, ended.Scores, ended.Winner, WireNames.Of(ended.Reason), parsed.ToRows());

        Encoding.UTF8.GetString(EventJson.GameOver(40, ended, parsed)).Should().Be(WireJson.Serialize(record));
    }

    [Theory]
    [InlineData("emoji ⛏️💰")]
    [InlineData("tab\there")]
    [InlineData("<b>&'</b>")]
    [InlineData("back\\slash\u0001")]
    public void Names_any_escaping_aside_carry_the_same_value(string name)
    {
        var message = new PlayerJoinedMessage(1, 0, name);

        var fast = JToken.Parse(Encoding.UTF8.GetString(EventJson.ToUtf8(message)));

        JToken.DeepEquals(fast, JToken.Parse(WireJson.Serialize(message))).Should().BeTrue();
        fast["name"]!.Value<string>().Should().Be(name);
    }

    [Fact]
    public void Reuses_its_buffers_without_leaking_one_message_into_the_next()
    {
        // The big one's pooled buffer goes back first, so the small one may well be written into it.
        var big = EventJson.ToUtf8(new DugMessage(9, 1, 0, 0, Flood(), [3, 4], 0, 1));
        var bigLength = big.Count;
        ArrayPool<byte>.Shared.Return(big.Array!);
        var small = EventJson.ToUtf8(new SeatEventMessage("playerLeft", 10, 1));

        bigLength.Should().BeGreaterThan(small.Count);
        Encoding.UTF8.GetString(small).Should().Be("""{"type":"playerLeft","seq":10,"seat":1}""");
    }

    private static List<RevealedCell> Flood() =>
        Enumerable.Range(0, 30 * 30).Select(i => new RevealedCell(i / 30, i % 30, i % 9)).ToList();
}
