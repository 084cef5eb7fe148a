using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server.Support;

/// <summary>
/// Plays a game through real sockets: whoever's turn it is digs the first cell nobody has dug yet,
/// until the server says the game is over.
/// </summary>
public sealed class GameDriver(TestClient seat0, TestClient seat1, int rows, int cols)
{
    private readonly bool[,] dug = new bool[rows, cols];

    public int Turn { get; private set; }

    public int DigsMade { get; private set; }

    /// <summary>Digs once with the player whose turn it is; returns the `dug` event that player saw.</summary>
    public async Task<JObject> DigOnceAsync()
    {
        var mover = Turn == 0 ? seat0 : seat1;
        var (row, col) = NextCell();
        await mover.DigAsync(row, col);
        var result = await mover.WaitForAsync(m => m.Value<string>("type") is "dug" or "error" && (m.Value<string>("type") == "error" || (m.Value<int>("row") == row && m.Value<int>("col") == col)));
        result.Value<string>("type").Should().Be("dug", $"digging ({row},{col}) in turn should be accepted");
        foreach (var cell in result["cells"]!)
        {
            dug[cell.Value<int>("row"), cell.Value<int>("col")] = true;
        }

        DigsMade++;
        Turn = result.Value<int?>("turn") ?? -1;
        return result;
    }

    /// <summary>Digs until the game ends; returns the `gameOver` event.</summary>
    public async Task<JObject> PlayToEndAsync()
    {
        while (Turn >= 0)
        {
            await DigOnceAsync();
        }

        return await seat0.WaitForAsync("gameOver");
    }

    /// <summary>Marks cells as dug that the driver learned of elsewhere (after a reconnect).</summary>
    public void Sync(JObject state)
    {
        var board = (JArray)state["board"]!;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                dug[r, c] = board[r]![c]!.Type != JTokenType.Null;
            }
        }

        Turn = state.Value<int?>("turn") ?? -1;
    }

    public (int Row, int Col) NextCell()
    {
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                if (!dug[r, c])
                {
                    return (r, c);
                }
            }
        }

        throw new InvalidOperationException("Every cell is dug but the game did not end.");
    }
}
