using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server.Support;

/// <summary>
/// A player on a bad network: it drops its socket at random moments (also right after sending a
/// dig), rejoins with its token and rebuilds its view from `welcome`, dropping duplicate events by
/// seq and resyncing on a gap. It plays until the game is over and keeps what it saw.
/// </summary>
public sealed class ResilientBot(Func<Task<TestClient>> connect, string room, string name, Random random, double dropChance)
{
    private TestClient? client;
    private long lastSeq;
    private int?[][] view = [];
    private int? turn;
    private bool digInFlight;

    public int Seat { get; private set; }

    public string? Token { get; private set; }

    public int Reconnects { get; private set; }

    public int GapsResynced { get; private set; }

    /// <summary>The board and scores as this player finally saw them.</summary>
    public (int?[][] Board, int[] Scores) FinalView { get; private set; }

    public async Task JoinAsync()
    {
        client = await connect();
        Apply(await client.JoinAsync(room, name));
        Seat = client.Seat!.Value;
        Token = client.Token;
    }

    public async Task PlayToEndAsync()
    {
        while (FinalView.Board is null)
        {
            if (turn == Seat && !digInFlight)
            {
                var (row, col) = NextCell();
                await client!.DigAsync(row, col);
                digInFlight = true;
                if (random.NextDouble() < dropChance)
                {
                    await ReconnectAsync();
                    continue;
                }
            }

            JObject message;
            try
            {
                message = await client!.NextAsync();
            }
            catch (InvalidOperationException)
            {
                await ReconnectAsync();
                continue;
            }

            Apply(message);
            if (FinalView.Board is null && random.NextDouble() < dropChance)
            {
                await ReconnectAsync();
            }
        }

        await client!.DisposeAsync();
    }

    private async Task ReconnectAsync()
    {
        client!.Drop();
        await client.DisposeAsync();
        Reconnects++;
        client = await connect();
        var welcome = await client.JoinAsync(room, name, Token);
        welcome.Value<int>("seat").Should().Be(Seat);
        Apply(welcome);
    }

    /// <summary>Folds one message into the view; when the game is over, <see cref="FinalView"/> is set.</summary>
    private void Apply(JObject message)
    {
        var type = message.Value<string>("type");
        if (type == "welcome")
        {
            var state = (JObject)message["state"]!;
            lastSeq = state.Value<long>("seq");
            view = state["board"]!.ToObject<int?[][]>()!;
            turn = state.Value<int?>("turn");
            digInFlight = false;
            if (state.Value<string>("status") == "finished")
            {
                // The game ended while this player was away: the state holds the whole board.
                FinalView = (view, Scores(state));
            }

            return;
        }

        if (type == "error")
        {
            // A dig that raced a turn change or a resync: the view decides what to do next.
            digInFlight = false;
            return;
        }

        if (message["seq"] is null || message.Value<long>("seq") <= lastSeq)
        {
            return;
        }

        message.Value<long>("seq").Should().Be(lastSeq + 1, "one connection never sees its room skip a seq");
        lastSeq++;
        switch (type)
        {
            case "dug":
                foreach (var cell in message["cells"]!)
                {
                    view[cell.Value<int>("row")][cell.Value<int>("col")] = cell.Value<int>("value");
                }

                turn = message.Value<int?>("turn");
                if (message.Value<int>("by") == Seat)
                {
                    digInFlight = false;
                }

                break;
            case "gameStarted":
                turn = message.Value<int>("turn");
                break;
            case "gameOver":
                FinalView = (message["board"]!.ToObject<int?[][]>()!, message["scores"]!.Values<int>().ToArray());
                break;
        }
    }

    private static int[] Scores(JObject state) =>
        state["players"]!.OrderBy(p => p.Value<int>("seat")).Select(p => p.Value<int>("score")).ToArray();

    private (int Row, int Col) NextCell()
    {
        var hidden = view.SelectMany((row, r) => row.Select((value, c) => (value, r, c))).Where(x => x.value is null).ToList();
        var pick = hidden[random.Next(hidden.Count)];
        return (pick.r, pick.c);
    }
}
