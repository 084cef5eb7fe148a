using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server.Support;

/// <summary>The board a client can draw from the `dug` events it received: values where dug, null elsewhere.</summary>
public static class SeenBoard
{
    public static string FromEvents(IEnumerable<JObject> events, int rows, int cols)
    {
        var board = new int?[rows][];
        for (var r = 0; r < rows; r++)
        {
            board[r] = new int?[cols];
        }

        foreach (var cell in events.Where(e => e.Value<string>("type") == "dug").SelectMany(e => e["cells"]!))
        {
            board[cell.Value<int>("row")][cell.Value<int>("col")] = cell.Value<int>("value");
        }

        return JsonConvert.SerializeObject(board);
    }

    /// <summary>A `state.board` written the same way, so the two compare as text.</summary>
    public static string FromState(JObject state) => state["board"]!.ToString(Formatting.None);
}
