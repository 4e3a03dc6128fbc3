using System.Reactive.Subjects;
using Sensact.Devices;
using Sensact.Pipelines.Tests.Multimodal;
using Sensact.Pipelines.Units;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Units;

public sealed class UnitsAllocationTests
{
    [Fact]
    public void Units_SteadyState_AllocateNothingPerFrame()
    {
        using var source = new Subject<Frame<float>>();
        var units = 0L;
        using var subscription = source.Units(new WindowPlan { Epoch = Scene.T0, Length = TimeSpan.FromMilliseconds(100) }, 2).Subscribe(_ => units++);
        var next = 0L;

        var bytes = Allocations.SteadyState(() =>
        {
            for (var i = 0; i < 1_000; i++, next++)
            {
                source.OnNext(new Frame<float>(1f, Scene.T0.AddMilliseconds(next), "s", next));
            }
        });

        Assert.Equal(0, bytes);
        Assert.True(units >= 1_000, $"{units} units");
    }
}
