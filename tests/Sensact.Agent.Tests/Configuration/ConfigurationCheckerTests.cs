using Microsoft.Extensions.Configuration;
using Sensact.Agent.Configuration;

namespace Sensact.Agent.Tests.Configuration;

public sealed class ConfigurationCheckerTests
{
    private static readonly ConfigurationSchema Schema = new ConfigurationSchema()
        .Section("Sample", typeof(SampleOptions))
        .Section("Outer:Inner", typeof(SampleNestedOptions));

    private static IReadOnlyList<string> Check(params string[] pairs) => ConfigurationChecker.Check(Configurations.Of(pairs), Schema);

    [Fact]
    public void Check_KnownKeysInAnyCase_HasNoProblems() => Assert.Empty(Check(
        "Sample:Number=3", "sample:FLAG=true", "Sample:Mode=second", "Sample:Nested:Count=2", "Sample:Fixed:Label=x",
        "Sample:Numbers:0=1", "Sample:Periods:0=00:00:01", "Sample:Items:0:Count=4", "Sample:Limits:any=5",
        "Sample:renamed=7", "Sample:Derived=true", "Sample:Raw:Anything:Goes=1", "Outer:Inner:Count=1"));

    [Theory]
    [InlineData("Sampel:Number=1", "Sampel: unknown section; did you mean Sample?")]
    [InlineData("Elsewhere:Number=1", "Elsewhere: unknown section")]
    [InlineData("Outer:Iner:Count=1", "Outer:Iner: unknown section; did you mean Outer:Inner?")]
    [InlineData("Sample:Nmuber=1", "Sample:Nmuber: unknown key; did you mean Sample:Number?")]
    [InlineData("Sample:Nested:Cuont=1", "Sample:Nested:Cuont: unknown key; did you mean Sample:Nested:Count?")]
    [InlineData("Outer:Inner:Lable=x", "Outer:Inner:Lable: unknown key; did you mean Outer:Inner:Label?")]
    [InlineData("Sample:Colour=red", "Sample:Colour: unknown key")]
    [InlineData("Sample:Number:Low=1", "Sample:Number:Low: unknown key; Sample:Number takes a value, not keys.")]
    [InlineData("Sample:Numbers:first=1", "Sample:Numbers:first: not a list index; the items of Sample:Numbers are numbered 0, 1, 2, ...")]
    [InlineData("Sample:Nested=3", "Sample:Nested: is a section, not a value (got '3'); set the keys under it instead.")]
    public void Check_UnknownKey_NamesItWithTheNearestKnownOne(string pair, string expected) =>
        Assert.Equal([expected], Check(pair));

    [Theory]
    [InlineData("Sample:Flag=abc", "Sample:Flag: 'abc' is not a valid Boolean.")]
    [InlineData("Sample:Number=", "Sample:Number: '' is not a valid Int32.")]
    [InlineData("Sample:Period=soon", "Sample:Period: 'soon' is not a valid TimeSpan.")]
    [InlineData("Sample:Mode=Third", "Sample:Mode: 'Third' is not a valid SampleMode (one of: First, Second).")]
    [InlineData("Sample:Maybe=x", "Sample:Maybe: 'x' is not a valid Int32.")]
    [InlineData("Sample:Nested:Count=x", "Sample:Nested:Count: 'x' is not a valid Int32.")]
    [InlineData("Sample:Fixed:Count=x", "Sample:Fixed:Count: 'x' is not a valid Int32.")]
    [InlineData("Sample:Derived=abc", "Sample:Derived: 'abc' is not a valid Boolean.")]
    [InlineData("Sample:Numbers:0=x", "Sample:Numbers:0: 'x' is not a valid Int32.")]
    [InlineData("Sample:Periods:1=x", "Sample:Periods:1: 'x' is not a valid TimeSpan.")]
    [InlineData("Sample:Items:0:Count=x", "Sample:Items:0:Count: 'x' is not a valid Int32.")]
    [InlineData("Sample:Limits:a=x", "Sample:Limits:a: 'x' is not a valid Int32.")]
    [InlineData("Sample:renamed=x", "Sample:renamed: 'x' is not a valid Int32.")]
    public void Check_ValueOfTheWrongType_NamesKeyValueAndType(string pair, string expected) =>
        Assert.Equal([expected], Check(pair));

    [Theory]
    [InlineData("Number", "")]
    [InlineData("Number", " 5 ")]
    [InlineData("Number", "0x10")]
    [InlineData("Number", "1.5")]
    [InlineData("Number", "99999999999")]
    [InlineData("Big", "99999999999")]
    [InlineData("Flag", "")]
    [InlineData("Flag", " true ")]
    [InlineData("Flag", "1")]
    [InlineData("Ratio", "")]
    [InlineData("Ratio", "1e400")]
    [InlineData("Ratio", "NaN")]
    [InlineData("Ratio", "1,5")]
    [InlineData("Fraction", "")]
    [InlineData("Period", "")]
    [InlineData("Period", "1")]
    [InlineData("Period", "00:00:00.250")]
    [InlineData("Mode", "")]
    [InlineData("Mode", "42")]
    [InlineData("Mode", "second")]
    [InlineData("Mode", "First,Second")]
    [InlineData("Maybe", "")]
    [InlineData("Name", "")]
    [InlineData("Derived", "")]
    public void Check_Value_FailsExactlyWhenTheBinderFails(string key, string value)
    {
        var configuration = Configurations.Of($"Sample:{key}={value}");
        var binderFails = Record.Exception(() => configuration.GetSection("Sample").Get<SampleOptions>()) is InvalidOperationException;

        var problems = ConfigurationChecker.Check(configuration, Schema);

        Assert.Equal(binderFails, problems.Count > 0);
    }

    [Fact]
    public void Check_EmptyObjectsAndArrays_HaveNoProblems() =>
        Assert.Empty(Check("Sample:Nested", "Sample:Numbers=", "Sample:Items", "Outer"));

    [Fact]
    public void Check_SeveralProblems_ListsEachOnce()
    {
        var problems = Check("Sample:Flag=abc", "Sample:Number=x", "Sampel:Flag=true");

        Assert.Equal(3, problems.Count);
    }
}
