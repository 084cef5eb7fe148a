using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GoldMiner.Server.Protocol;

/// <summary>
/// Turns one untrusted text frame into a <see cref="ClientMessage"/>, or into the error the sender
/// should get. Never throws for bad input.
/// </summary>
public static class ClientMessageParser
{
    public static ParseResult Parse(string text)
    {
        JToken token;
        try
        {
            token = WireJson.Parse(text);
        }
        catch (JsonException)
        {
            return ParseResult.Fail(ErrorCodes.BadMessage, "The message is not valid JSON.");
        }

        if (token is not JObject message)
        {
            return ParseResult.Fail(ErrorCodes.BadMessage, "A message must be a JSON object.");
        }

        if (message["type"] is not { Type: JTokenType.String } typeToken)
        {
            return ParseResult.Fail(ErrorCodes.BadMessage, "A message needs a string \"type\".");
        }

        return typeToken.Value<string>() switch
        {
            "join" => ParseJoin(message),
            "dig" => ParseDig(message),
            "leave" => ParseResult.Ok(new LeaveMessage()),
            "ping" => ParseResult.Ok(new PingMessage()),
            var other => ParseResult.Fail(ErrorCodes.UnknownType, $"Unknown message type \"{Truncate(other)}\"."),
        };
    }

    private static ParseResult ParseJoin(JObject message)
    {
        if (!TryString(message, "room", required: true, out var room) || room!.Length == 0)
        {
            return Field("room", "a non-empty string");
        }

        if (!TryString(message, "name", required: false, out var name))
        {
            return Field("name", "a string");
        }

        if (!TryString(message, "token", required: false, out var token))
        {
            return Field("token", "a string");
        }

        var spectate = false;
        if (message["spectate"] is { } spectateToken && spectateToken.Type != JTokenType.Null)
        {
            if (spectateToken.Type != JTokenType.Boolean)
            {
                return Field("spectate", "true or false");
            }

            spectate = spectateToken.Value<bool>();
        }

        return ParseResult.Ok(new JoinMessage(room, name, token, spectate));
    }

    private static ParseResult ParseDig(JObject message)
    {
        if (!TryInt(message, "row", out var row))
        {
            return Field("row", "an integer");
        }

        return TryInt(message, "col", out var col)
            ? ParseResult.Ok(new DigMessage(row, col))
            : Field("col", "an integer");
    }

    private static bool TryString(JObject message, string field, bool required, out string? value)
    {
        value = null;
        var token = message[field];
        if (token is null || token.Type == JTokenType.Null)
        {
            return !required;
        }

        if (token.Type != JTokenType.String)
        {
            return false;
        }

        value = token.Value<string>();
        return true;
    }

    private static bool TryInt(JObject message, string field, out int value)
    {
        value = 0;
        if (message[field] is not { Type: JTokenType.Integer } token)
        {
            return false;
        }

        // Integers beyond Int32 (even beyond Int64) are outside every board: map them to a value
        // that is out of bounds rather than overflow or refuse them as malformed.
        value = ((JValue)token).Value is long number and >= int.MinValue and <= int.MaxValue ? (int)number : -1;
        return true;
    }

    private static ParseResult Field(string field, string expected) =>
        ParseResult.Fail(ErrorCodes.BadMessage, $"\"{field}\" must be {expected}.");

    private static string Truncate(string? text) =>
        text is null ? string.Empty : text.Length <= 32 ? text : text[..32] + "...";
}
