using BenchmarkDotNet.Running;

// Runs the benchmarks picked on the command line, e.g. `--filter '*'`; see docs/benchmarks.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
