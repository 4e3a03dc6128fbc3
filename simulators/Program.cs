Console.WriteLine("simulators");
