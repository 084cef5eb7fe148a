using GoldMiner.Core;
using GoldMiner.Server.Configuration;
using GoldMiner.Server.Protocol;
using GoldMiner.Server.Rooms;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GoldMiner.Server.Lobby;

/// <summary>
/// Reads the body of POST /api/rooms: every field optional, every present field checked, the
/// first bad one named. Missing size fields come from the configured defaults.
/// </summary>
public static class CreateRoomParser
{
    public sealed record Request(string Name, GameOptions Options);

    public sealed record Problem(string Field, string Detail);

    public static (Request? Request, Problem? Problem) Parse(string body, GoldMinerOptions options)
    {
        JObject fields;
        if (string.IsNullOrWhiteSpace(body))
        {
            fields = [];
        }
        else
        {
            try
            {
                fields = WireJson.Parse(body) as JObject ?? throw new JsonReaderException("not an object");
            }
            catch (JsonException)
            {
                return (null, new Problem("body", "The body must be a JSON object."));
            }
        }

        var defaults = options.Board;
        if (!TryInt(fields, "rows", defaults.Rows, out var rows))
        {
            return (null, new Problem("rows", "rows must be an integer."));
        }

        if (!TryInt(fields, "cols", defaults.Cols, out var cols))
        {
            return (null, new Problem("cols", "cols must be an integer."));
        }

        if (!TryInt(fields, "gold", DefaultGold(rows, cols, defaults), out var gold))
        {
            return (null, new Problem("gold", "gold must be an integer."));
        }

        var rulesText = fields["rules"] is { Type: JTokenType.String } r ? r.Value<string>() : null;
        if (fields["rules"] is { Type: not JTokenType.Null } && rulesText is null)
        {
            return (null, new Problem("rules", "rules must be \"classic\" or \"flags\"."));
        }

        if (WireNames.ParseRules(rulesText ?? defaults.Rules) is not { } rules)
        {
            return (null, new Problem("rules", "rules must be \"classic\" or \"flags\"."));
        }

        var gameOptions = new GameOptions(rows, cols, gold, rules);
        if (gameOptions.Validate() is { } invalid)
        {
            return (null, new Problem(invalid.Field, invalid.Reason));
        }

        var name = $"{rows}x{cols} {WireNames.Of(rules)}";
        if (fields["name"] is { Type: not JTokenType.Null } nameToken)
        {
            if (nameToken.Type != JTokenType.String)
            {
                return (null, new Problem("name", "name must be a string."));
            }

            var raw = nameToken.Value<string>()!;
            if (raw.Trim().Length > 0)
            {
                var clean = DisplayName.Normalize(raw, options.Limits.RoomNameMaxLength, out var problem);
                if (clean is null)
                {
                    return (null, new Problem("name", $"name {problem}."));
                }

                name = clean;
            }
        }

        return (new Request(name, gameOptions), null);
    }

    /// <summary>Keeps the default board's gold density when only the size is chosen (9 x 9 with 10 gold -> 30 x 30 with 111).</summary>
    private static int DefaultGold(int rows, int cols, BoardDefaults defaults) =>
        Math.Max(1, (int)Math.Round((double)rows * cols * defaults.Gold / (defaults.Rows * defaults.Cols)));

    private static bool TryInt(JObject fields, string field, int fallback, out int value)
    {
        value = fallback;
        var token = fields[field];
        if (token is null || token.Type == JTokenType.Null)
        {
            return true;
        }

        if (token.Type != JTokenType.Integer)
        {
            return false;
        }

        // Far outside any board either way; let the range check name the field.
        value = ((JValue)token).Value is long number and >= int.MinValue and <= int.MaxValue ? (int)number : int.MaxValue;
        return true;
    }
}
