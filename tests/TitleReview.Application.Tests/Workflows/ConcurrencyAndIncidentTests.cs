using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Workflows;

public class ConcurrencyAndIncidentTests : WorkflowTestBase
{
    [Test]
    public async Task TwoPeopleActingOnOneInstanceFromTheSamePage_OneWins()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        var instance = await StartApplicationAsync("applicant1");
        await FireAsync(instance, "submit", "applicant1");
        var token = (await InstanceAsync(instance)).ConcurrencyToken;

        await FireAsync(instance, "approve", "auditor1", expectedToken: token);
        var late = () => FireAsync(instance, "return", "auditor1", "材料不全", expectedToken: token);

        await late.Should().ThrowAsync<ConcurrencyConflictException>().WithMessage("*刚刚已被他人修改*");
        (await InstanceAsync(instance)).State.Should().Be("UnitApproved");
        (await JournalAsync(instance)).Count(j => j.Trigger is "approve" or "return").Should().Be(1);
    }

    [Test]
    public async Task TwoConcurrentFires_ExactlyOneSucceeds()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        var instance = await StartApplicationAsync("applicant1");
        await FireAsync(instance, "submit", "applicant1");
        await VerifyAllAsync(instance, "auditor1");
        var auditor = await ActorAsync("auditor1");

        // Both units of work load the instance before either saves.
        await using var first = Services.CreateAsyncScope();
        await using var second = Services.CreateAsyncScope();
        var engineA = first.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var engineB = second.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        await first.ServiceProvider.GetRequiredService<AppDbContext>().WorkflowInstances.SingleAsync(i => i.Id == instance);
        await second.ServiceProvider.GetRequiredService<AppDbContext>().WorkflowInstances.SingleAsync(i => i.Id == instance);

        var results = await Task.WhenAll(
            Attempt(() => engineA.PerformAsync(new PerformRequest(instance, WorkflowOperations.ApproveDossier, auditor))),
            Attempt(() => engineB.PerformAsync(new PerformRequest(instance, WorkflowOperations.ReturnDossier, auditor, "材料不全"))));

        results.Count(r => r is null).Should().Be(1, "exactly one fire succeeds");
        results.Single(r => r is not null).Should().BeOfType<ConcurrencyConflictException>();
        (await JournalAsync(instance)).Count(j => j.Trigger is "approve" or "return").Should().Be(1);
    }

    [Test]
    public async Task TimerThatCannotFire_BecomesAnIncident_AndRetryCountsAttempts()
    {
        await RunClockAsync();
        var campaign = await CampaignInstanceAsync();
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.WorkflowBookmarks.Add(WorkflowBookmark.Create(campaign.Id, campaign.State, "close", "close:certificates", Clock.GetUtcNow(), Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        await RunClockAsync();

        var faulted = await CampaignInstanceAsync();
        faulted.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        faulted.IncidentCount.Should().Be(1);
        faulted.State.Should().Be("AuditorConfirmation", "the campaign's own timers fired; only the broken one failed");
        var incident = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowIncidents.AsNoTracking().SingleAsync());
        incident.Message.Should().Contain("不能执行");

        (await RunClockAsync()).Should().Be(0, "a faulted timer waits for staff");

        await InScopeAsync(sp => sp.GetRequiredService<IWorkflowClock>().RetryIncidentAsync(incident.Id, "陈静"));
        var retried = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowIncidents.AsNoTracking().SingleAsync());
        retried.Attempts.Should().Be(2);
        retried.IsResolved.Should().BeFalse();
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
