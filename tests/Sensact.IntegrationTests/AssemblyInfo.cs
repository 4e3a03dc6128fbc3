using Xunit.Sdk;
using Xunit.v3;

// The integration tests start brokers, agents and processes on loopback ports; run them one at a
// time so they neither race for ports nor starve each other of the machine's two cores.
[assembly: Parallelization(Mode = ParallelMode.None)]
