using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server.Support;

/// <summary>Reads the HTTP lobby, and waits (by asking again) for a background change to show in it.</summary>
public static class LobbyQueries
{
    public static async Task<JArray> RoomsAsync(this GoldMinerServer server) =>
        JArray.Parse(await server.Http.GetStringAsync("/api/rooms"));

    public static async Task<IReadOnlyList<string>> RoomIdsAsync(this GoldMinerServer server) =>
        (await server.RoomsAsync()).Select(r => r.Value<string>("id")!).ToList();

    public static async Task<JObject> RoomAsync(this GoldMinerServer server, string id) =>
        JObject.Parse(await server.Http.GetStringAsync($"/api/rooms/{id}"));

    /// <summary>Whether each seat's player is shown online, by seat.</summary>
    public static async Task<IReadOnlyList<(int Seat, bool Online)>> OnlineAsync(this GoldMinerServer server, string id) =>
        (await server.RoomAsync(id))["players"]!.Select(p => (p.Value<int>("seat"), p.Value<bool>("online"))).ToList();

    /// <summary>
    /// Lists the rooms again and again until <paramref name="done"/> holds for the list, or gives up
    /// after <see cref="TestClient.Patience"/>. Each request is awaited, so the cleanup service gets to run
    /// between them; no fixed sleep is involved.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WaitForRoomsAsync(this GoldMinerServer server, Func<IReadOnlyList<string>, bool> done)
    {
        var deadline = DateTime.UtcNow + TestClient.Patience;
        while (true)
        {
            var ids = await server.RoomIdsAsync();
            if (done(ids))
            {
                return ids;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The lobby did not reach the expected state within {TestClient.Patience}; it lists [{string.Join(", ", ids)}].");
            }
        }
    }
}
