using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server.Support;

/// <summary>
/// A game played over a server process that may die: remembers every dig the server acknowledged,
/// then resumes on a restarted server with the seat tokens and checks nothing was lost or doubled.
/// </summary>
public sealed class PlayedGame
{
    private const int Rows = 6;
    private const int Cols = 6;
    private readonly List<JObject> acknowledged = [];

    private PlayedGame(string room, TestClient seat0, TestClient seat1)
    {
        Room = room;
        Seat0 = seat0;
        Seat1 = seat1;
    }

    public string Room { get; }

    public TestClient Seat0 { get; private set; }

    public TestClient Seat1 { get; private set; }

    public long LastAcknowledgedSeq => acknowledged.Count == 0 ? 3 : acknowledged[^1].Value<long>("seq");

    public static async Task<PlayedGame> StartAsync(ServerProcess server, string rules, int digs)
    {
        var created = await server.Http.PostAsync("/api/rooms", Json.Content(new { rows = Rows, cols = Cols, gold = 6, rules }));
        var room = JObject.Parse(await created.Content.ReadAsStringAsync()).Value<string>("id")!;
        var game = new PlayedGame(room, await server.ConnectAsync(), await server.ConnectAsync());
        await game.Seat0.JoinAsync(room, "Ann");
        await game.Seat1.JoinAsync(room, "Ben");
        var driver = new GameDriver(game.Seat0, game.Seat1, Rows, Cols);
        for (var i = 0; i < digs && driver.Turn >= 0; i++)
        {
            game.acknowledged.Add(await driver.DigOnceAsync());
        }

        return game;
    }

    /// <summary>Sends a dig and does not wait to hear of it: the server may die before or after it is durable.</summary>
    public async Task SendUnacknowledgedDigAsync()
    {
        var welcome = Seat0.Received.First(m => m.Value<string>("type") == "welcome");
        var turn = acknowledged.Count == 0 ? 0 : acknowledged[^1].Value<int>("turn");
        var driver = new GameDriver(Seat0, Seat1, Rows, Cols);
        driver.Sync(DugState(welcome));
        var (row, col) = driver.NextCell();
        await (turn == 0 ? Seat0 : Seat1).DigAsync(row, col);
    }

    /// <summary>Reconnects both players with their tokens, checks the state kept every acknowledged dig, and finishes the game.</summary>
    public async Task<JObject> ResumeAndFinishAsync(ServerProcess server)
    {
        var tokens = (Seat0.Token!, Seat1.Token!);
        Seat0 = await server.ConnectAsync();
        Seat1 = await server.ConnectAsync();
        var welcome0 = await Seat0.JoinAsync(Room, "Ann", tokens.Item1);
        var welcome1 = await Seat1.JoinAsync(Room, "Ben", tokens.Item2);
        var state = (JObject)welcome0["state"]!;

        (welcome0.Value<int>("seat"), welcome1.Value<int>("seat")).Should().Be((0, 1));
        state.Value<long>("seq").Should().BeGreaterThanOrEqualTo(LastAcknowledgedSeq);
        var board = (JArray)state["board"]!;
        foreach (var cell in acknowledged.SelectMany(dug => dug["cells"]!))
        {
            board[cell.Value<int>("row")]![cell.Value<int>("col")]!.Value<int?>().Should().Be(cell.Value<int>("value"), "an acknowledged dig survives the crash");
        }

        var driver = new GameDriver(Seat0, Seat1, Rows, Cols);
        driver.Sync((JObject)welcome1["state"]!);
        var gameOver = await driver.PlayToEndAsync();
        await Seat1.WaitForAsync("gameOver");

        var record = JObject.Parse(await server.Http.GetStringAsync($"/api/games/{Room}"));
        record["board"]!.ToString().Should().Be(gameOver["board"]!.ToString());
        record["scores"]!.Values<int>().Should().Equal(gameOver["scores"]!.Values<int>());
        var digs = record["moves"]!.Where(m => m.Value<string>("type") == "dig").Select(m => (m.Value<int>("row"), m.Value<int>("col"))).ToList();
        digs.Should().OnlyHaveUniqueItems("no dig is stored twice");
        digs.Should().StartWith(acknowledged.Select(d => (d.Value<int>("row"), d.Value<int>("col"))));
        record["moves"]!.Select(m => m.Value<long>("seq")).Should().BeInAscendingOrder();
        return state;
    }

    private JObject DugState(JObject welcome)
    {
        var state = (JObject)welcome["state"]!.DeepClone();
        var board = (JArray)state["board"]!;
        foreach (var cell in acknowledged.SelectMany(dug => dug["cells"]!))
        {
            board[cell.Value<int>("row")]![cell.Value<int>("col")] = cell.Value<int>("value");
        }

        return state;
    }
}
