using GoldMiner.Core;
using GoldMiner.Server.Protocol;
using Microsoft.Extensions.Options;

namespace GoldMiner.Server.Configuration;

/// <summary>Refuses to start with settings that cannot work, and says which one.</summary>
public sealed class OptionsValidation : IValidateOptions<GoldMinerOptions>
{
    public ValidateOptionsResult Validate(string? name, GoldMinerOptions options)
    {
        var failures = new List<string>();
        var board = options.Board;
        if (WireNames.ParseRules(board.Rules) is not { } rules)
        {
            failures.Add("GoldMiner:Board:Rules must be \"classic\" or \"flags\".");
        }
        else if (new GameOptions(board.Rows, board.Cols, board.Gold, rules).Validate() is { } problem)
        {
            failures.Add($"GoldMiner:Board: {problem.Reason}");
        }

        if (options.JournalSynchronous is not ("Full" or "Normal"))
        {
            failures.Add("GoldMiner:JournalSynchronous must be \"Full\" or \"Normal\".");
        }

        var positive = new Dictionary<string, int>
        {
            ["SeatHoldSeconds"] = options.SeatHoldSeconds,
            ["FinishedRoomSeconds"] = options.FinishedRoomSeconds,
            ["EmptyRoomSeconds"] = options.EmptyRoomSeconds,
            ["CleanupIntervalSeconds"] = options.CleanupIntervalSeconds,
            ["KeepAliveSeconds"] = options.KeepAliveSeconds,
            ["KeepAliveTimeoutSeconds"] = options.KeepAliveTimeoutSeconds,
            ["CloseTimeoutSeconds"] = options.CloseTimeoutSeconds,
            ["JournalSegmentMegabytes"] = options.JournalSegmentMegabytes,
            ["Limits:RoomsPerMinutePerAddress"] = options.Limits.RoomsPerMinutePerAddress,
            ["Limits:MaxRooms"] = options.Limits.MaxRooms,
            ["Limits:MaxConnections"] = options.Limits.MaxConnections,
            ["Limits:MaxMessageBytes"] = options.Limits.MaxMessageBytes,
            ["Limits:MessagesPerSecond"] = options.Limits.MessagesPerSecond,
            ["Limits:MessageBurst"] = options.Limits.MessageBurst,
            ["Limits:RateLimitStrikes"] = options.Limits.RateLimitStrikes,
            ["Limits:OutgoingQueueLength"] = options.Limits.OutgoingQueueLength,
            ["Limits:NameMaxLength"] = options.Limits.NameMaxLength,
            ["Limits:RoomNameMaxLength"] = options.Limits.RoomNameMaxLength,
        };
        failures.AddRange(positive.Where(p => p.Value <= 0).Select(p => $"GoldMiner:{p.Key} must be greater than 0."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
