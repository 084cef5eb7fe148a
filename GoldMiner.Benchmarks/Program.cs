using BenchmarkDotNet.Running;

// BenchmarkDotNet picks the benchmarks from the command line (--filter '*' for all of them).
// (Named through a benchmark class: GoldMiner.Server, referenced for the journal, has a Program too.)
BenchmarkSwitcher.FromAssembly(typeof(GoldMiner.Benchmarks.DigBenchmarks).Assembly).Run(args);
