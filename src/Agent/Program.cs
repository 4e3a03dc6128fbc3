Console.WriteLine("sensact");
