using GoldMiner.Core;

namespace GoldMiner.Server.Protocol;

/// <summary>How Core's enums are spelled on the wire (HTTP and WebSocket alike).</summary>
public static class WireNames
{
    public static string Of(GameRules rules) => rules == GameRules.Flags ? "flags" : "classic";

    public static string Of(GameStatus status) => status switch
    {
        GameStatus.Waiting => "waiting",
        GameStatus.Playing => "playing",
        _ => "finished",
    };

    public static string Of(GameEndReason reason) => reason switch
    {
        GameEndReason.AllGoldFound => "allGoldFound",
        GameEndReason.Majority => "majority",
        _ => "forfeit",
    };

    public static GameRules? ParseRules(string text) => text switch
    {
        "classic" => GameRules.Classic,
        "flags" => GameRules.Flags,
        _ => null,
    };

    public static GameEndReason? ParseReason(string text) => text switch
    {
        "allGoldFound" => GameEndReason.AllGoldFound,
        "majority" => GameEndReason.Majority,
        "forfeit" => GameEndReason.Forfeit,
        _ => null,
    };
}
