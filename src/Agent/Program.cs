using Sensact.Agent.Hosting;

return await AgentApp.RunAsync(args, Console.Error).ConfigureAwait(false);
