using System.Globalization;

/// <summary>
/// Splits what a gen-0 collection costs into what the last few seconds of traffic left behind and
/// what the heap holds anyway. Every <c>GCSTEPS_INTERVAL</c> seconds (default 5) it forces, back to
/// back: a gen-0 collection (A: everything since the last round), another gen-0 (B: only what A
/// left, such as old objects still holding the objects A promoted), a gen-1 (C) and a gen-0 after it
/// (D: next to nothing), and writes their pauses to <c>GCSTEPS_OUT</c>, a line per round.
/// </summary>
/// <remarks>
/// Load it into the server the load tool starts with
/// <c>--server-env DOTNET_STARTUP_HOOKS=.../GcSteps.dll --server-env GCSTEPS_OUT=/tmp/steps.txt</c>.
/// The forced collections replace the server's own, so the run's latency figures are not comparable
/// with a run without it: this measures collections, nothing else.
/// </remarks>
internal static class StartupHook
{
    public static void Initialize()
    {
        var path = Environment.GetEnvironmentVariable("GCSTEPS_OUT") ?? "gcsteps.txt";
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("GCSTEPS_INTERVAL"), out var s) && s > 0 ? s : 5;
        new Thread(() => Run(path, TimeSpan.FromSeconds(seconds))) { IsBackground = true, Name = "GcSteps" }.Start();
    }

    private static void Run(string path, TimeSpan interval)
    {
        using var output = new StreamWriter(path) { AutoFlush = true };
        var started = DateTime.UtcNow;
        while (true)
        {
            Thread.Sleep(interval);
            var a = Timed(0);
            var b = Timed(0);
            var c = Timed(1);
            var d = Timed(0);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{(DateTime.UtcNow - started).TotalSeconds:0}s A gen0 {a:F1} B gen0-again {b:F1} C gen1 {c:F1} D gen0-after-gen1 {d:F1} ms"));
        }
    }

    private static double Timed(int generation)
    {
        var before = GC.GetTotalPauseDuration();
        GC.Collect(generation, GCCollectionMode.Forced, blocking: true);
        return (GC.GetTotalPauseDuration() - before).TotalMilliseconds;
    }
}
