using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// What a server allocates, from the runtime's allocation samples in a trace:
//   dotnet-trace collect -p PID --providers Microsoft-Windows-DotNETRuntime:0x1:5 --duration 00:00:00:12
// GCAllocationTick is written about every 100 KB a thread allocates, naming the type that crossed the
// mark and carrying the stack, so over a few seconds of steady traffic the shares below are what the
// server allocates. Prints the share by type, then by type and the innermost frames (the runtime's
// cast helpers skipped), and the collections' pauses in the trace.
// Usage: dotnet run -c Release -- TRACE.nettrace [frames per stack, default 6] [lines, default 40]
if (args.Length is < 1 or > 3)
{
    Console.Error.WriteLine("usage: AllocStacks TRACE.nettrace [FRAMES] [LINES]");
    return 2;
}

var depth = args.Length > 1 ? int.Parse(args[1]) : 6;
var lines = args.Length > 2 ? int.Parse(args[2]) : 40;
using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(args[0]));

var byType = new Dictionary<string, long>();
var byStack = new Dictionary<string, long>();
long total = 0;
var pauses = new List<double>();
double? suspended = null;
foreach (var data in log.Events)
{
    switch (data)
    {
        case GCAllocationTickTraceData tick:
            total += tick.AllocationAmount64;
            byType[tick.TypeName] = byType.GetValueOrDefault(tick.TypeName) + tick.AllocationAmount64;
            var stack = $"{tick.TypeName}\n      <- {string.Join("\n      <- ", Frames(tick.CallStack(), depth))}";
            byStack[stack] = byStack.GetValueOrDefault(stack) + tick.AllocationAmount64;
            break;
        case GCSuspendEETraceData:
            suspended = data.TimeStampRelativeMSec;
            break;
        case { EventName: "GC/RestartEEStop" } when suspended is { } start:
            pauses.Add(data.TimeStampRelativeMSec - start);
            suspended = null;
            break;
    }
}

if (total == 0)
{
    Console.Error.WriteLine("No allocation samples: trace with Microsoft-Windows-DotNETRuntime:0x1:5.");
    return 1;
}

Console.WriteLine($"sampled {total / 1e6:F1} MB over {log.SessionDuration.TotalSeconds:F1} s; " +
    $"{pauses.Count} pauses, {pauses.Sum():F0} ms in all{(pauses.Count > 0 ? $", longest {pauses.Max():F1} ms" : "")}");
Console.WriteLine("\nby type:");
Print(byType);
Console.WriteLine("\nby type and stack:");
Print(byStack);
return 0;

void Print(Dictionary<string, long> shares)
{
    foreach (var (what, bytes) in shares.OrderByDescending(s => s.Value).Take(lines))
    {
        Console.WriteLine($"{100.0 * bytes / total,6:F1}%  {what}");
    }
}

static IEnumerable<string> Frames(TraceCallStack? frame, int depth)
{
    for (var taken = 0; frame is not null && taken < depth; frame = frame.Caller)
    {
        var method = frame.CodeAddress.FullMethodName;
        if (!string.IsNullOrEmpty(method) && !method.StartsWith("System.Runtime.CompilerServices.CastHelpers", StringComparison.Ordinal))
        {
            taken++;
            yield return method.Length > 120 ? method[..120] : method;
        }
    }
}
