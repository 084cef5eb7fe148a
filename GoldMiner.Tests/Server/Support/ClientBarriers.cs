using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server.Support;

/// <summary>
/// Proves that something did NOT arrive. The server answers a `ping` straight away, while room events
/// reach connections only once the journal has made them durable: so first <see cref="SettleAsync"/>
/// the room, then ask each client for the messages it got before its pong.
/// </summary>
public static class ClientBarriers
{
    /// <summary>Sends a ping and returns every message that arrived before its pong.</summary>
    public static async Task<IReadOnlyList<JObject>> MessagesBeforePongAsync(this TestClient client)
    {
        await client.SendAsync(new { type = "ping" });
        var before = new List<JObject>();
        while (true)
        {
            var message = await client.NextAsync();
            if (message.Value<string>("type") == "pong")
            {
                return before;
            }

            before.Add(message);
        }
    }

    /// <summary>
    /// Looks into the room with a passing spectator and returns the state it was welcomed with. The
    /// server sends a spectator's welcome only after everything the room did before is durable and
    /// queued to its members, so once this returns every earlier event sits ahead of any later pong.
    /// </summary>
    public static async Task<JObject> SettleAsync(this GoldMinerServer server, string room)
    {
        await using var probe = await server.ConnectAsync();
        var welcome = await probe.JoinAsync(room, "Probe", spectate: true);
        return (JObject)welcome["state"]!;
    }

    /// <summary>The types of <paramref name="messages"/>, for readable assertions.</summary>
    public static IEnumerable<string?> Types(this IEnumerable<JObject> messages) =>
        messages.Select(m => m.Value<string>("type"));
}
