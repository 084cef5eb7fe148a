using System.Text.Json;

namespace GoldMiner.Server.Protocol;

/// <summary>
/// Turns one untrusted text frame into a <see cref="ClientMessage"/>, or into the error the sender
/// should get. Never throws for bad input.
/// </summary>
public static class ClientMessageParser
{
    /// <summary>
    /// The general parser, through a document: every message, and every error. The dispatcher
    /// takes a plain dig past it (<see cref="PlainDig"/>), without a document or a message object.
    /// </summary>
    public static ParseResult ParseAny(ReadOnlyMemory<byte> utf8)
    {
        using var document = StrictJson.TryParse(utf8);
        if (document is null)
        {
            return ParseResult.Fail(ErrorCodes.BadMessage, "The message is not valid JSON.");
        }

        var message = document.RootElement;
        if (message.ValueKind != JsonValueKind.Object)
        {
            return ParseResult.Fail(ErrorCodes.BadMessage, "A message must be a JSON object.");
        }

        if (message.Field("type") is not { ValueKind: JsonValueKind.String } type)
        {
            return ParseResult.Fail(ErrorCodes.BadMessage, "A message needs a string \"type\".");
        }

        // Compared as UTF-8 in place: the type of every message as a string would be garbage per message.
        return type switch
        {
            _ when type.ValueEquals("dig"u8) => ParseDig(message),
            _ when type.ValueEquals("join"u8) => ParseJoin(message),
            _ when type.ValueEquals("leave"u8) => ParseResult.Ok(new LeaveMessage()),
            _ when type.ValueEquals("ping"u8) => ParseResult.Ok(new PingMessage()),
            _ => ParseResult.Fail(ErrorCodes.UnknownType, $"Unknown message type \"{Truncate(type.GetString()!)}\"."),
        };
    }

    private static ParseResult ParseJoin(JsonElement message)
    {
        if (message.Field("room") is not { ValueKind: JsonValueKind.String } room || room.GetString()!.Length == 0)
        {
            return Field("room", "a non-empty string");
        }

        if (!TryOptionalString(message, "name", out var name))
        {
            return Field("name", "a string");
        }

        if (!TryOptionalString(message, "token", out var token))
        {
            return Field("token", "a string");
        }

        var spectate = message.Field("spectate");
        if (spectate is { ValueKind: not (JsonValueKind.True or JsonValueKind.False) })
        {
            return Field("spectate", "true or false");
        }

        return ParseResult.Ok(new JoinMessage(room.GetString()!, name, token, spectate?.GetBoolean() ?? false));
    }

    private static ParseResult ParseDig(JsonElement message)
    {
        if (message.Field("row") is not { } rowValue || !rowValue.TryGetBoardInt(out var row))
        {
            return Field("row", "an integer");
        }

        return message.Field("col") is { } colValue && colValue.TryGetBoardInt(out var col)
            ? ParseResult.Ok(new DigMessage(row, col))
            : Field("col", "an integer");
    }

    private static bool TryOptionalString(JsonElement message, string field, out string? value)
    {
        value = null;
        if (message.Field(field) is not { } present)
        {
            return true;
        }

        if (present.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = present.GetString();
        return true;
    }

    private static ParseResult Field(string field, string expected) =>
        ParseResult.Fail(ErrorCodes.BadMessage, $"\"{field}\" must be {expected}.");

    private static string Truncate(string? text) =>
        text is null ? string.Empty : text.Length <= 32 ? text : text[..32] + "...";
}
