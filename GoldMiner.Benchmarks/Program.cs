using BenchmarkDotNet.Running;

// BenchmarkDotNet picks the benchmarks from the command line (--filter '*' for all of them).
BenchmarkSwitcher.FromAssembly(typeof(GoldMiner.Benchmarks.JournalBenchmarks).Assembly).Run(args);
