using GoldMiner.Tests.Server.Support;
using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server;

/// <summary>
/// Every error code of the wire contract. Each refusal goes to its sender only and changes nothing:
/// nobody else hears of it, the lobby shows the same room, and the next valid move is the next event.
/// Refused joins and requests outside a room are here; refused digs in ErrorCodeTests.Dig.cs.
/// </summary>
public sealed partial class ErrorCodeTests : IDisposable
{
    // Set here rather than trusting appsettings: the rateLimited test counts on exactly this burst.
    private const int Burst = 20;
    private const int CleanupIntervalSeconds = 10;
    private const int EmptyRoomSeconds = 60;

    private readonly GoldMinerServer server = new(new Dictionary<string, string?>
    {
        ["GoldMiner:Limits:MessagesPerSecond"] = "20",
        ["GoldMiner:Limits:MessageBurst"] = $"{Burst}",
        ["GoldMiner:CleanupIntervalSeconds"] = $"{CleanupIntervalSeconds}",
        ["GoldMiner:EmptyRoomSeconds"] = $"{EmptyRoomSeconds}",
    });

    public void Dispose() => server.Dispose();

    [Theory]
    [InlineData("""{"type":"join","room":"ROOM","name":"Ca\u0007rol"}""")]
    [InlineData("""{"type":"join","room":"ROOM","name":"Carol\n"}""")]
    [InlineData("""{"type":"join","room":"ROOM","name":"\u202Elorac"}""")]
    [InlineData("""{"type":"join","room":"ROOM","name":"   "}""")]
    [InlineData("""{"type":"join","room":"ROOM"}""")]
    [InlineData("""{"type":"join","room":"ROOM","name":["Carol"]}""")]
    [InlineData("""{"type":"join","room":"ROOM","name":"Carol","spectate":"yes"}""")]
    [InlineData("""{"type":"join","room":42,"name":"Carol"}""")]
    [InlineData("""{"type":"join","room":"","name":"Carol"}""")]
    public async Task Join_Malformed_IsBadMessageAndTakesNoSeat(string join)
    {
        var room = await server.CreateRoomAsync();
        await using var alice = await server.ConnectAsync();
        await alice.JoinAsync(room, "Alice");
        await alice.WaitForAsync("playerJoined");
        await using var carol = await server.ConnectAsync();
        var summary = await server.Http.GetStringAsync($"/api/rooms/{room}");

        await carol.SendTextAsync(join.Replace("ROOM", room));
        var code = await carol.ExpectErrorAsync();

        code.Should().Be("badMessage");
        (await alice.MessagesBeforePongAsync()).Should().BeEmpty("a refused request is told to its sender only");
        (await server.Http.GetStringAsync($"/api/rooms/{room}")).Should().Be(summary);
        (await carol.JoinAsync(room, "Carol")).Value<int>("seat").Should().Be(1, "the free seat is still free");
        (await alice.NextAsync()).Value<long>("seq").Should().Be(2, "the refused join spent no event");
    }

    [Fact]
    public async Task UnknownType_IsRefusedAndChangesNothing()
    {
        await using var game = await StartedGame.StartAsync(server, 9, 9, 10, watched: false);
        var summary = await game.SettleAsync();

        await game.Alice.SendTextAsync("""{"type":"dug","row":0,"col":0}""");
        var code = await game.Alice.ExpectErrorAsync();

        code.Should().Be("unknownType");
        await game.ShouldHaveChangedNothingAsync(summary);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Join_NoSuchRoom_IsRefusedAndOpensNothing(bool spectate)
    {
        await using var carol = await server.ConnectAsync();
        var rooms = JArray.Parse(await server.Http.GetStringAsync("/api/rooms")).Count;

        await carol.SendAsync(new { type = "join", room = "nosuchroom", name = "Carol", spectate });
        var code = await carol.ExpectErrorAsync();

        code.Should().Be("noSuchRoom");
        JArray.Parse(await server.Http.GetStringAsync("/api/rooms")).Should().HaveCount(rooms);
        await carol.SendAsync(new { type = "leave" });
        (await carol.ExpectErrorAsync()).Should().Be("notJoined", "the connection is in no room");
    }

    [Fact]
    public async Task Join_ThirdPlayer_IsRoomFullAndChangesNothing()
    {
        await using var game = await StartedGame.StartAsync(server, 9, 9, 10, watched: false);
        await using var carol = await server.ConnectAsync();
        var summary = await game.SettleAsync();

        await carol.SendAsync(new { type = "join", room = game.Room, name = "Carol" });
        var code = await carol.ExpectErrorAsync();

        code.Should().Be("roomFull");
        await game.ShouldHaveChangedNothingAsync(summary);
        (await carol.JoinAsync(game.Room, "Carol", spectate: true))["seat"]!.Type.Should().Be(JTokenType.Null, "a full room can still be watched");
    }

    [Theory]
    [InlineData("""{"type":"dig","row":0,"col":0}""")]
    [InlineData("""{"type":"leave"}""")]
    public async Task Request_BeforeJoining_IsNotJoinedAndChangesNothing(string request)
    {
        await using var game = await StartedGame.StartAsync(server, 9, 9, 10, watched: false);
        await using var carol = await server.ConnectAsync();
        var summary = await game.SettleAsync();

        await carol.SendTextAsync(request);
        var code = await carol.ExpectErrorAsync();

        code.Should().Be("notJoined");
        await game.ShouldHaveChangedNothingAsync(summary);
    }

    [Fact]
    public async Task Join_SecondOnTheSameSocket_IsAlreadyJoinedAndMovesNobody()
    {
        await using var game = await StartedGame.StartAsync(server, 9, 9, 10, watched: false);
        var otherRoom = await server.CreateRoomAsync();
        var otherSummary = await server.Http.GetStringAsync($"/api/rooms/{otherRoom}");
        var summary = await game.SettleAsync();

        await game.Alice.SendAsync(new { type = "join", room = game.Room, name = "Alice again" });
        var sameRoom = await game.Alice.ExpectErrorAsync();
        await game.Alice.SendAsync(new { type = "join", room = otherRoom, name = "Alice" });
        var elsewhere = await game.Alice.ExpectErrorAsync();

        (sameRoom, elsewhere).Should().Be(("alreadyJoined", "alreadyJoined"));
        (await server.Http.GetStringAsync($"/api/rooms/{otherRoom}")).Should().Be(otherSummary);
        await game.ShouldHaveChangedNothingAsync(summary);
    }

    [Fact]
    public async Task Join_WithWrongTokenOrAnotherRoomsToken_IsBadTokenAndTakesNoSeat()
    {
        await using var game = await StartedGame.StartAsync(server, 9, 9, 10, watched: false);
        var otherRoom = await server.CreateRoomAsync();
        await using var carol = await server.ConnectAsync();
        await carol.JoinAsync(otherRoom, "Carol");
        await carol.WaitForAsync("playerJoined");
        var otherSummary = await server.Http.GetStringAsync($"/api/rooms/{otherRoom}");
        await using var dave = await server.ConnectAsync();
        var summary = await game.SettleAsync();

        await dave.SendAsync(new { type = "join", room = game.Room, name = "Dave", token = "AAAAAAAAAAAAAAAAAAAAAA" });
        var wrong = await dave.ExpectErrorAsync();
        await dave.SendAsync(new { type = "join", room = game.Room, name = "Dave", token = carol.Token });
        var foreign = await dave.ExpectErrorAsync();

        (wrong, foreign).Should().Be(("badToken", "badToken"));
        (await carol.MessagesBeforePongAsync()).Should().BeEmpty("Carol's seat was not touched");
        (await server.Http.GetStringAsync($"/api/rooms/{otherRoom}")).Should().Be(otherSummary);
        await game.ShouldHaveChangedNothingAsync(summary);
        await dave.DigAsync(0, 0);
        (await dave.ExpectErrorAsync()).Should().Be("notJoined", "no seat was taken");
    }

    [Fact]
    public async Task Join_Refused_DoesNotKeepAnAbandonedRoomAlive()
    {
        // Nobody ever sits in `room`; `firstControl` is exactly as old, so the cleanup pass that removes
        // it must remove `room` too. `secondControl` expires only at a later pass: once it is gone,
        // that earlier pass has surely finished.
        var room = await server.CreateRoomAsync();
        var firstControl = await server.CreateRoomAsync();
        server.Clock.Advance(TimeSpan.FromSeconds(EmptyRoomSeconds - 10));
        var secondControl = await server.CreateRoomAsync();
        server.Clock.Advance(TimeSpan.FromSeconds(5));
        await using var dave = await server.ConnectAsync();

        await dave.SendAsync(new { type = "join", room, name = "Dave", token = "AAAAAAAAAAAAAAAAAAAAAA" });
        var code = await dave.ExpectErrorAsync();
        server.Clock.Advance(TimeSpan.FromSeconds(5));
        await server.WaitForRoomsAsync(ids => !ids.Contains(firstControl));
        server.Clock.Advance(TimeSpan.FromSeconds(EmptyRoomSeconds - 10));
        var remaining = await server.WaitForRoomsAsync(ids => !ids.Contains(secondControl));

        code.Should().Be("badToken");
        remaining.Should().NotContain(room, "a refused join is no activity: the room was as abandoned as the first control");
    }
}
