using Sensact.Agent.Configuration;

namespace Sensact.Agent.Tests.Configuration;

public sealed class NamedSectionsTests
{
    private static readonly ConfigurationSchema Schema = new ConfigurationSchema()
        .NamedSections("Sensors", "Driver", new Dictionary<string, Type>
        {
            ["replay"] = typeof(FakeReplaySensorOptions),
            ["serial"] = typeof(FakeSerialSensorOptions),
        })
        .NamedSections("Apps", "Kind", new Dictionary<string, Type> { ["activity"] = typeof(FakeActivityAppOptions) });

    private static IReadOnlyList<string> Check(params string[] pairs) => ConfigurationChecker.Check(Configurations.Of(pairs), Schema);

    [Fact]
    public void Check_EntriesOfKnownTypes_HaveNoProblems() => Assert.Empty(Check(
        "Sensors:imu:Driver=replay", "Sensors:imu:Rate=26",
        "Sensors:port:driver=SERIAL", "Sensors:port:Baud=9600",
        "Apps:first:Kind=Activity", "Apps:first:Enabled=true"));

    [Fact]
    public void Check_EntryWithoutSelector_SaysItIsRequired() =>
        Assert.Equal(["Apps:second:Kind: required (one of: activity)"], Check("Apps:second:Enabled=true"));

    [Fact]
    public void Check_UnknownSelector_NamesTheKnownOnes() =>
        Assert.Equal(["Sensors:imu:Driver: unknown driver 'replya'; known: replay, serial"], Check("Sensors:imu:Driver=replya", "Sensors:imu:Rate=x"));

    [Fact]
    public void Check_NounGiven_IsUsedInMessages()
    {
        var schema = new ConfigurationSchema().NamedSections("Apps", "Kind", new Dictionary<string, Type> { ["activity"] = typeof(FakeActivityAppOptions) }, "app kind");

        Assert.Equal(["Apps:a:Kind: unknown app kind 'gesture'; known: activity"], ConfigurationChecker.Check(Configurations.Of("Apps:a:Kind=gesture"), schema));
    }

    [Fact]
    public void Check_Entry_IsCheckedAgainstTheTypeItsSelectorPicks() => Assert.Equal(
        ["Sensors:imu:Baud: unknown key", "Sensors:imu:Rate: 'fast' is not a valid Double.", "Sensors:port:Rtae: unknown key"],
        Check("Sensors:imu:Driver=replay", "Sensors:imu:Rate=fast", "Sensors:imu:Baud=9600", "Sensors:port:Driver=serial", "Sensors:port:Rtae=1"));

    [Fact]
    public void NamedSections_TypeWithoutTheSelectorProperty_Throws() => Assert.Throws<ArgumentException>(() =>
        new ConfigurationSchema().NamedSections("Apps", "Kind", new Dictionary<string, Type> { ["replay"] = typeof(FakeReplaySensorOptions) }));

    [Fact]
    public void Section_RegisteredTwice_Throws() => Assert.Throws<ArgumentException>(() =>
        new ConfigurationSchema().Section("Sample", typeof(SampleOptions)).Section("sample", typeof(SampleNestedOptions)));

    [Fact]
    public void Section_InsideARegisteredSection_Throws() => Assert.Throws<ArgumentException>(() =>
        new ConfigurationSchema().Section("Sample", typeof(SampleOptions)).Section("Sample:Nested", typeof(SampleNestedOptions)));
}
