using BenchmarkDotNet.Running;

// BenchmarkDotNet picks the benchmarks from the command line (--filter '*' for all of them).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
