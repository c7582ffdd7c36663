using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/ServicePolicy.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
