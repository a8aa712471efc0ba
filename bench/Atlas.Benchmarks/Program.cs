using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Atlas.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
