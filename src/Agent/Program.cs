using Sensact.Agent.Hosting;

return await AgentApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
