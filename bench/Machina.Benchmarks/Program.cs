using System.Globalization;
using BenchmarkDotNet.Running;
using Machina.Benchmarks;

// Pick suites on the command line, for example: dotnet run -c Release -- --filter '*Options*'.
// --interleaved-json [rounds] runs the JSON parse comparison with the contenders taking turns.
if (args.Length > 0 && args[0] == JsonParseInterleaved.Switch)
{
    JsonParseInterleaved.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 12);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
