using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sensact.Agent.Apps;
using Sensact.Agent.Commands;
using Sensact.Agent.Configuration;
using Sensact.Agent.ConsoleView;
using Sensact.Agent.Events;
using Sensact.Agent.Mqtt;
using Sensact.Agent.Recording;
using Sensact.Agent.Sensors;
using Sensact.Agent.Telemetry;
using Sensact.Devices.Recording;

namespace Sensact.Agent.Hosting;

/// <summary>
/// The composition root: configuration sources, options with their validators, the sensors and
/// applications declared in configuration, the event sinks, and the agent's services in start
/// order (broker, MQTT link, application runner, run duration). Services stop in reverse order, so
/// applications stop before the link flushes their last events.
/// </summary>
internal static class AgentHost
{
    /// <summary>The configuration every agent starts from, relative to the agent's folder.</summary>
    public const string DefaultConfigFile = "configs/sensact.json";

    /// <summary>Environment variables with this prefix override configuration (<c>SENSACT_Agent__Id=pi-7</c>).</summary>
    public const string EnvironmentPrefix = "SENSACT_";

    public static IHost Build(AgentCommandLine commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });

        AddConfiguration(builder.Configuration, commandLine);
        List<string> problems = [.. commandLine.Problems, .. ConfigurationChecker.Check(builder.Configuration, AgentConfigurationSchema.Create())];
        if (problems.Count > 0)
        {
            throw new AgentStartupException(problems);
        }

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.AddSystemd();
        AddServices(builder.Services, commandLine);
        return builder.Build();
    }

    private static void AddConfiguration(ConfigurationManager configuration, AgentCommandLine commandLine)
    {
        var defaultFile = Path.Combine(AppContext.BaseDirectory, DefaultConfigFile);
        ConfigurationFileProblem.AddJsonFile(configuration, defaultFile, defaultFile);
        if (commandLine.ConfigFile is { } file)
        {
            var path = ContentPaths.Resolve(file);
            if (!File.Exists(path))
            {
                throw new AgentStartupException($"--config: the file '{file}' does not exist (looked at '{path}').");
            }

            ConfigurationFileProblem.AddJsonFile(configuration, path, file);
        }

        configuration.AddEnvironmentVariables(EnvironmentPrefix);
        configuration.AddCommandLine([.. commandLine.Overrides]);
    }

    private static void AddServices(IServiceCollection services, AgentCommandLine commandLine)
    {
        services.AddMetrics();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AgentExitCode>();
        services.AddSingleton<AgentRun>();

        AddValidated<AgentOptions, AgentOptionsValidator>(services, AgentOptions.Section);
        AddValidated<MqttOptions, MqttOptionsValidator>(services, MqttOptions.Section);
        services.AddOptions<ConsoleViewOptions>().BindConfiguration(ConsoleViewOptions.Section);
        AddValidated<RecordingOptions, RecordingOptionsValidator>(services, RecordingOptions.Section);

        // Sensors and applications: checked and prepared (models loaded) when first resolved,
        // which AgentApp does before anything starts.
        services.AddSingleton<AgentSensors>();
        services.AddSingleton<AgentApps>();
        services.AddSingleton(provider => new SensorRates(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<AgentSensors>(), provider.GetRequiredService<AgentApps>));
        services.AddSingleton<AppStates>();
        services.AddSingleton(provider => new AppMetrics(provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));

        services.AddSingleton<Topics>();
        services.AddSingleton(provider =>
        {
            var outbox = provider.GetRequiredService<IOptions<MqttOptions>>().Value.Outbox;
            return Outbox.Open(
                outbox,
                ContentPaths.ResolveState(outbox.Directory, "outbox"),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<Outbox>>());
        });
        services.AddSingleton<EventPublisher>();
        services.AddSingleton(provider => new DecisionConsoleView(provider.GetRequiredService<IOptions<ConsoleViewOptions>>(), Console.Out));
        services.AddSingleton<IEventSink>(provider => provider.GetRequiredService<EventPublisher>());
        services.AddSingleton<IEventSink>(provider => provider.GetRequiredService<DecisionConsoleView>());
        services.AddSingleton<EventFanOut>();

        services.AddSingleton<ICommand, StatusCommand>();
        services.AddSingleton<ICommand, AppsListCommand>();
        services.AddSingleton<ICommand, ConfigGetCommand>();
        services.AddSingleton<AppSettings>();
        services.AddSingleton<ICommand, ConfigSetCommand>();
        services.AddSingleton<ICommand, ModelSwapCommand>();
        services.AddSingleton<ICommand, SensorRateCommand>();
        services.AddSingleton<ICommand>(provider => AppControlCommand.Start(provider.GetRequiredService<AppRunner>()));
        services.AddSingleton<ICommand>(provider => AppControlCommand.Stop(provider.GetRequiredService<AppRunner>()));
        services.AddSingleton<ICommand>(provider => RecordCommand.Start(provider.GetRequiredService<AgentRecorder>()));
        services.AddSingleton<ICommand>(provider => RecordCommand.Stop(provider.GetRequiredService<AgentRecorder>()));

        services.AddHostedService<EmbeddedBroker>();
        AddHostedSingleton<CommandProcessor>(services);
        AddHostedSingleton<MqttLink>(services);
        AddHostedSingleton<AppRunner>(services);
        AddHostedSingleton<AgentRecorder>(services);
        AddHostedSingleton<TelemetryPublisher>(services);
        if (commandLine.Duration is { } duration)
        {
            services.AddHostedService(provider => ActivatorUtilities.CreateInstance<RunDuration>(provider, duration));
        }
    }

    private static void AddValidated<TOptions, TValidator>(IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptionsWithValidateOnStart<TOptions>().BindConfiguration(section);
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }

    private static void AddHostedSingleton<TService>(IServiceCollection services)
        where TService : class, IHostedService
    {
        services.AddSingleton<TService>();
        services.AddHostedService(provider => provider.GetRequiredService<TService>());
    }
}
