using BenchmarkDotNet.Running;

// Pick suites on the command line, for example: dotnet run -c Release -- --filter '*Options*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
