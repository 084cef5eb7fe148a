using System.Text.Json;
using GoldMiner.Core;
using GoldMiner.Server.Configuration;
using GoldMiner.Server.Protocol;
using GoldMiner.Server.Rooms;

namespace GoldMiner.Server.Lobby;

/// <summary>
/// Reads the body of POST /api/rooms: every field optional, every present field checked, the
/// first bad one named. Missing size fields come from the configured defaults.
/// </summary>
public static class CreateRoomParser
{
    public sealed record Request(string Name, GameOptions Options);

    public sealed record Problem(string Field, string Detail);

    public static (Request? Request, Problem? Problem) Parse(ReadOnlyMemory<byte> body, GoldMinerOptions options)
    {
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Parse(default(JsonElement?), options);
        }

        using var document = StrictJson.TryParse(body);
        return document?.RootElement is { ValueKind: JsonValueKind.Object } fields
            ? Parse(fields, options)
            : (null, new Problem("body", "The body must be a JSON object."));
    }

    private static (Request? Request, Problem? Problem) Parse(JsonElement? fields, GoldMinerOptions options)
    {
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

        var rulesField = fields?.Field("rules");
        var rulesText = rulesField is null ? defaults.Rules : rulesField.Value.ValueKind == JsonValueKind.String ? rulesField.Value.GetString() : null;
        if (rulesText is null || WireNames.ParseRules(rulesText) is not { } rules)
        {
            return (null, new Problem("rules", "rules must be \"classic\" or \"flags\"."));
        }

        var gameOptions = new GameOptions(rows, cols, gold, rules);
        if (gameOptions.Validate() is { } invalid)
        {
            return (null, new Problem(invalid.Field, invalid.Reason));
        }

        var name = $"{rows}x{cols} {WireNames.Of(rules)}";
        if (fields?.Field("name") is { } nameField)
        {
            if (nameField.ValueKind != JsonValueKind.String)
            {
                return (null, new Problem("name", "name must be a string."));
            }

            var raw = nameField.GetString()!;
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

    private static bool TryInt(JsonElement? fields, string field, int fallback, out int value)
    {
        value = fallback;
        if (fields?.Field(field) is not { } present)
        {
            return true;
        }

        // Integers too large for int become -1: outside every limit, so the range check names the field.
        return present.TryGetBoardInt(out value);
    }
}
