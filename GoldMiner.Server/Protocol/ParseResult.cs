namespace GoldMiner.Server.Protocol;

/// <summary>A parsed message, or the error code and text to send back instead.</summary>
public readonly record struct ParseResult(ClientMessage? Message, string? ErrorCode, string? ErrorMessage)
{
    public static ParseResult Ok(ClientMessage message) => new(message, null, null);

    public static ParseResult Fail(string code, string message) => new(null, code, message);
}
