using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Tests.Workflows;

/// <summary>The campaign's own workflow through 2023, stage by stage, on a fake clock.</summary>
public class CampaignStagesTests : WorkflowTestBase
{
    protected override bool ConfirmDemoUnits => false;

    private static readonly (int Month, int Day, string State)[] StageOpenings =
    [
        (7, 17, "AuditorRegistration"),
        (7, 24, "AuditorConfirmation"),
        (8, 1, "UnitPublicity"), // filing and unit publicity both open on Aug 1; the campaign stands in the later one
        (9, 4, "PaperDelivery"),
        (9, 11, "Payment"),
        (9, 20, "PreliminaryReview"),
        (10, 23, "SpotCheck"),
        (11, 1, "CommitteeReferral"),
        (12, 4, "Defense"),
        (12, 11, "Results"),
        (12, 25, "Certificates"),
    ];

    [Test]
    public async Task Campaign_EntersEachStageAtItsOpeningInstant()
    {
        var previous = "Planned";
        foreach (var (month, day, state) in StageOpenings)
        {
            Clock.SetUtcNow(Beijing(2023, month, day, 0, 0, 0).AddSeconds(-1));
            await RunClockAsync();
            (await CampaignInstanceAsync()).State.Should().Be(previous, $"one second before {month}/{day} the stage has not opened");

            Clock.SetUtcNow(Beijing(2023, month, day, 0, 0, 0));
            await RunClockAsync();
            (await CampaignInstanceAsync()).State.Should().Be(state, $"at {month}/{day} 00:00:00 Beijing time");
            previous = state;
        }

        Clock.SetUtcNow(Beijing(2024, 2, 1, 0, 0, 0));
        await RunClockAsync();
        var finished = await CampaignInstanceAsync();
        finished.State.Should().Be("Closed");
        finished.Status.Should().Be(WorkflowStatus.Finished);

        var journal = await JournalAsync(finished.Id);
        journal.Skip(1).Should().OnlyContain(j => j.Actor == WorkflowActor.ClockId);
        journal.Select(j => j.ToState).Should().ContainInOrder("Planned", "AuditorRegistration", "AuditorConfirmation", "Filing", "UnitPublicity", "PaperDelivery", "Closed");
    }
}
