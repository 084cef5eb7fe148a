using GoldMiner.Tests.Server.Support;
using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server;

/// <summary>The error codes a refused dig can get (the server and its settings are in ErrorCodeTests.cs).</summary>
public sealed partial class ErrorCodeTests
{
    [Theory]
    [InlineData("""{"type":"dig","row":"1","col":0}""")]
    [InlineData("""{"type":"dig","row":0,"col":0.5}""")]
    [InlineData("""{"type":"dig","row":null,"col":0}""")]
    public async Task Dig_Malformed_IsBadMessageAndChangesNothing(string dig)
    {
        await using var game = await StartedGame.StartAsync(server, 9, 9, 10, watched: false);
        var summary = await game.SettleAsync();

        await game.Alice.SendTextAsync(dig);
        var code = await game.Alice.ExpectErrorAsync();

        code.Should().Be("badMessage");
        await game.ShouldHaveChangedNothingAsync(summary);
    }

    [Fact]
    public async Task Dig_OutOfTurn_IsNotYourTurnAndChangesNothing()
    {
        await using var game = await StartedGame.StartAsync(server, 9, 9, 10, watched: false);
        var summary = await game.SettleAsync();
        var (row, col) = game.Driver.NextCell();

        await game.Bob.DigAsync(row, col);
        var code = await game.Bob.ExpectErrorAsync();

        code.Should().Be("notYourTurn");
        var dug = await game.ShouldHaveChangedNothingAsync(summary);
        (dug.Value<int>("row"), dug.Value<int>("col")).Should().Be((row, col), "Bob's refused dig left the cell undug");
    }

    [Fact]
    public async Task Dig_WithOnePlayerSeated_IsNotStartedAndChangesNothing()
    {
        var room = await server.CreateRoomAsync();
        await using var alice = await server.ConnectAsync();
        await alice.JoinAsync(room, "Alice");
        await alice.WaitForAsync("playerJoined");
        var summary = await server.Http.GetStringAsync($"/api/rooms/{room}");

        await alice.DigAsync(0, 0);
        var code = await alice.ExpectErrorAsync();

        code.Should().Be("notStarted");
        (await alice.MessagesBeforePongAsync()).Should().BeEmpty();
        (await server.Http.GetStringAsync($"/api/rooms/{room}")).Should().Be(summary);
        await using var bob = await server.ConnectAsync();
        await bob.JoinAsync(room, "Bob");
        (await alice.NextAsync()).Value<long>("seq").Should().Be(2, "the refused dig spent no event");
        (await alice.NextAsync()).Should().Match<JObject>(m => m.Value<string>("type") == "gameStarted" && m.Value<int>("turn") == 0);
    }

    [Fact]
    public async Task Dig_OnADugCell_IsAlreadyDugAndKeepsTheTurn()
    {
        await using var game = await StartedGame.StartAsync(server, 9, 9, 10, watched: false);
        var first = await game.Driver.DigOnceAsync();
        var summary = await game.SettleAsync();
        var cell = first["cells"]!.Last!;

        await game.Bob.DigAsync(cell.Value<int>("row"), cell.Value<int>("col"));
        var code = await game.Bob.ExpectErrorAsync();

        code.Should().Be("alreadyDug");
        var dug = await game.ShouldHaveChangedNothingAsync(summary);
        dug.Value<int>("by").Should().Be(1, "it was still Bob's turn");
    }

    [Theory]
    [InlineData("-1", "0")]
    [InlineData("0", "-1")]
    [InlineData("9", "0")]
    [InlineData("0", "9")]
    [InlineData("2147483647", "2147483647")]
    [InlineData("-2147483648", "0")]
    [InlineData("4294967296", "0")]
    [InlineData("0", "4294967297")]
    [InlineData("100000000000000000000", "0")]
    [InlineData("0", "-100000000000000000000")]
    public async Task Dig_OutsideTheBoard_IsOutOfBoundsAndChangesNothing(string row, string col)
    {
        await using var game = await StartedGame.StartAsync(server, 9, 9, 10, watched: false);
        var summary = await game.SettleAsync();

        await game.Alice.SendTextAsync($$"""{"type":"dig","row":{{row}},"col":{{col}}}""");
        var code = await game.Alice.ExpectErrorAsync();

        code.Should().Be("outOfBounds");
        await game.ShouldHaveChangedNothingAsync(summary);
    }

    [Fact]
    public async Task DigOrJoin_AfterTheGameEnded_IsGameOverAndChangesNothing()
    {
        await using var game = await StartedGame.StartAsync(server, rows: 4, cols: 4, gold: 2, watched: false);
        var gameOver = await game.Driver.PlayToEndAsync();
        await using var carol = await server.ConnectAsync();
        var summary = await game.SettleAsync();

        await game.Alice.DigAsync(0, 0);
        var aliceCode = await game.Alice.ExpectErrorAsync();
        await game.Bob.DigAsync(3, 3);
        var bobCode = await game.Bob.ExpectErrorAsync();
        await carol.SendAsync(new { type = "join", room = game.Room, name = "Carol" });
        var carolCode = await carol.ExpectErrorAsync();

        new[] { aliceCode, bobCode, carolCode }.Should().OnlyContain(code => code == "gameOver");
        (await game.DrainAsync()).Should().BeEmpty();
        (await game.SummaryAsync()).Should().Be(summary);
        game.LastSeq.Should().Be(gameOver.Value<long>("seq"), "gameOver stays the last event");
    }

    [Fact]
    public async Task Dig_ByASpectator_IsRefusedAndChangesNothing()
    {
        await using var game = await StartedGame.StartAsync(server, 9, 9, 10, watched: false);
        await using var watcher = await server.ConnectAsync();
        await watcher.JoinAsync(game.Room, "Watcher", spectate: true);
        var summary = await game.SettleAsync();
        var (row, col) = game.Driver.NextCell();

        await watcher.DigAsync(row, col);
        var code = await watcher.ExpectErrorAsync();

        code.Should().Be("spectator");
        var dug = await game.ShouldHaveChangedNothingAsync(summary);
        (dug.Value<int>("row"), dug.Value<int>("col")).Should().Be((row, col), "the spectator's dig left the cell undug");
    }

    [Fact]
    public async Task Dig_BeyondTheBurst_IsRateLimitedAndChangesNothing()
    {
        await using var game = await StartedGame.StartAsync(server, 9, 9, 10, watched: false);
        var summary = await game.SummaryAsync();
        var (row, col) = game.Driver.NextCell();

        // A full burst of pings leaves no token for the dig, whether or not the join's token came back.
        for (var i = 0; i < Burst; i++)
        {
            await game.Alice.SendAsync(new { type = "ping" });
        }

        await game.Alice.DigAsync(row, col);
        var replies = new List<JObject>();
        for (var i = 0; i <= Burst; i++)
        {
            replies.Add(await game.Alice.NextAsync());
        }

        replies.Should().OnlyContain(m => m.Value<string>("type") == "pong" || m.Value<string>("code") == "rateLimited");
        replies[^1].Value<string>("code").Should().Be("rateLimited", "the dig came after the burst was spent");
        (await game.Bob.MessagesBeforePongAsync()).Should().BeEmpty("the refused dig reached nobody");
        (await game.SummaryAsync()).Should().Be(summary);
        await using var watcher = await server.ConnectAsync();
        var state = (await watcher.JoinAsync(game.Room, "Watcher", spectate: true))["state"]!;
        state.Value<long>("seq").Should().Be(game.LastSeq, "the refused dig spent no event");
        state.Value<int>("turn").Should().Be(0, "it is still Alice's turn");
        state["board"]![row]![col]!.Type.Should().Be(JTokenType.Null, "the cell was not dug");
    }
}
