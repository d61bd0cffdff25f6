using Hangfire.Common;
using Hangfire.Storage;
using Verkstallighet.Workflows.Scheduling;

namespace Verkstallighet.Workflows.Tests.Scheduling;

public sealed class MovedJobTypesTests
{
    [Theory]
    [InlineData("Verkstallighet.Workflows.Timers.TimerFireJob, Verkstallighet.Workflows", typeof(TimerFireJob))]
    [InlineData("Verkstallighet.Workflows.Timers.TimerSweepJob, Verkstallighet.Workflows", typeof(TimerSweepJob))]
    [InlineData("Verkstallighet.Workflows.Timers.ClaimedTimer[], Verkstallighet.Workflows", typeof(ClaimedTimer[]))]
    [InlineData("Verkstallighet.Workflows.Scheduling.TimerFireJob, Verkstallighet.Workflows", typeof(TimerFireJob))]
    [InlineData("System.Guid, System.Private.CoreLib", typeof(Guid))]
    public void TypeName_FromBeforeTheMove_ResolvesToTheTypeItIsNow(string stored, Type expected) =>
        Assert.Equal(expected, MovedJobTypes.Resolve(stored));

    [Fact]
    public void FireJob_StoredByAnOlderHost_DeserializesToTheMovedMethod()
    {
        var stored = new InvocationData(
            "Verkstallighet.Workflows.Timers.TimerFireJob, Verkstallighet.Workflows",
            "FireBatchAsync",
            "[\"Verkstallighet.Workflows.Timers.ClaimedTimer[], Verkstallighet.Workflows\"]",
            "[\"[]\"]");
        var previous = TypeHelper.CurrentTypeResolver;
        TypeHelper.CurrentTypeResolver = MovedJobTypes.Resolve;
        try
        {
            var job = stored.DeserializeJob();

            Assert.Equal(typeof(TimerFireJob), job.Type);
            Assert.Equal(nameof(TimerFireJob.FireBatchAsync), job.Method.Name);
        }
        finally
        {
            TypeHelper.CurrentTypeResolver = previous;
        }
    }
}
