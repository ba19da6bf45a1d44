using CircularIctPact.Bench;

// ./scripts/bench.sh, ./scripts/fault-demo.sh and ./scripts/scale-out-demo.sh call this tool; see docs/performance.md.
return args.FirstOrDefault() switch
{
    "run" => await BenchRun.RunAsync(BenchOptions.FromEnvironment()),
    "fault" => await FaultDemo.RunAsync(BenchOptions.FromEnvironment()),
    "instances" when args.Length == 4 => await InstancesCheck.RunAsync(new Uri(args[1]), new Uri(args[2]), new Uri(args[3])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CircularIctPact.Bench run | fault | instances <proxy-url> <instance-a-url> <instance-b-url>");
    return 2;
}
