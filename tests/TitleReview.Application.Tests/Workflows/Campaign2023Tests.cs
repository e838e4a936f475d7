using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Workflows;

/// <summary>The whole 2023 campaign on a fake clock, against the notice's windows.</summary>
public class Campaign2023Tests : WorkflowTestBase
{
    [Test]
    public async Task Submit_AtLastSecondOfAugust_Succeeds_AndAtSeptemberFirst_IsRefusedEvenBeforeTheClockRuns()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 1, 9, 0, 0));
        await RunClockAsync();
        var early = await StartApplicationAsync("applicant1");
        var late = await StartApplicationAsync("applicant2");

        Clock.SetUtcNow(new DateTimeOffset(2023, 8, 31, 23, 59, 59, TimeSpan.FromHours(8)));
        var accepted = await FireAsync(early, "submit", "applicant1");
        accepted.ToState.Should().Be("Submitted");

        Clock.SetUtcNow(new DateTimeOffset(2023, 9, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        var refused = () => FireAsync(late, "submit", "applicant2");

        await refused.Should().ThrowAsync<DomainException>()
            .WithMessage("“申报人填报与单位审核”时间为 2023-08-01 00:00:00 至 2023-08-31 23:59:59（北京时间），已于 2023-08-31 23:59:59 截止，系统已关闭，不能再办理。");
        (await InstanceAsync(late)).State.Should().Be("Draft", "nothing changed");
    }

    [Test]
    public async Task FilingClose_ClosesEveryOpenCase_WithAClockJournalRow_AndASecondRunChangesNothing()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 1, 9, 0, 0));
        var draft = await StartApplicationAsync("applicant1");
        var submitted = await StartApplicationAsync("applicant2");
        var returned = await StartApplicationAsync("applicant3");
        var approved = await StartApplicationAsync("applicant4");
        await FireAsync(submitted, "submit", "applicant2");
        await FireAsync(returned, "submit", "applicant3");
        await FireAsync(returned, "return", "auditor2", "第4部分：工作材料字数不足，请补充。");
        await FireAsync(approved, "submit", "applicant4");
        await FireAsync(approved, "approve", "auditor2");

        Clock.SetUtcNow(Beijing(2023, 9, 1, 0, 0, 0));
        var fired = await RunClockAsync();

        fired.Should().BeGreaterThanOrEqualTo(3);
        foreach (var id in new[] { draft, submitted, returned })
        {
            var instance = await InstanceAsync(id);
            instance.State.Should().Be("NotSubmitted");
            instance.Status.Should().Be(WorkflowStatus.Finished);
            var last = (await JournalAsync(id)).Last();
            last.Actor.Should().Be(WorkflowActor.ClockId);
            last.Trigger.Should().Be("closeFiling");
            last.OccurredAt.Should().Be(Beijing(2023, 9, 1, 0, 0, 0));
        }

        (await InstanceAsync(approved)).State.Should().Be("UnitApproved", "an approved dossier is not a case still being filed");

        var journalBefore = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowJournal.CountAsync());
        (await RunClockAsync()).Should().Be(0);
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowJournal.CountAsync())).Should().Be(journalBefore);
    }

    [Test]
    public async Task Clock_DownForThreeDays_CatchesUpOnItsNextRun()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 30, 12, 0, 0));
        await RunClockAsync();
        var draft = await StartApplicationAsync("applicant1");
        (await CampaignInstanceAsync()).State.Should().Be("UnitPublicity");

        // The server is down from Aug 31 until Sep 4, 10:00: filing closed and paper delivery opened meanwhile.
        Clock.SetUtcNow(Beijing(2023, 9, 4, 10, 0, 0));
        await RunClockAsync();

        (await InstanceAsync(draft)).State.Should().Be("NotSubmitted");
        (await CampaignInstanceAsync()).State.Should().Be("PaperDelivery");
        var closing = (await JournalAsync(draft)).Last();
        closing.Actor.Should().Be(WorkflowActor.ClockId);
        closing.OccurredAt.Should().Be(Beijing(2023, 9, 4, 10, 0, 0), "the journal records when it actually happened");
        (await BookmarksAsync(draft)).Should().OnlyContain(b => b.Status != BookmarkStatus.Pending);
    }

    [Test]
    public async Task Reopen_ByTheOffice_LetsOneCaseFileUntilTheDateSet_ThenTheClockClosesItAgain()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        var instance = await StartApplicationAsync("applicant1");
        Clock.SetUtcNow(Beijing(2023, 9, 1, 0, 0, 0));
        await RunClockAsync();
        (await InstanceAsync(instance)).State.Should().Be("NotSubmitted");

        Clock.SetUtcNow(Beijing(2023, 9, 2, 10, 0, 0));
        var withoutReason = () => FireAsync(instance, "reopen", "office", reason: " ", until: Beijing(2023, 9, 5, 18, 0, 0));
        await withoutReason.Should().ThrowAsync<TitleReview.Application.Common.Exceptions.ValidationException>()
            .Where(e => e.Errors.ContainsKey("reason"));

        var reopened = await FireAsync(instance, "reopen", "office", "系统故障导致无法提交，经核实予以补交", Beijing(2023, 9, 5, 18, 0, 0));
        reopened.ToState.Should().Be("Draft", "it goes back to where it was closed from");
        var note = (await JournalAsync(instance)).Last();
        note.Reason.Should().Contain("系统故障导致无法提交").And.Contain("2023-09-05 18:00:00");

        Clock.SetUtcNow(Beijing(2023, 9, 5, 17, 59, 59));
        (await FireAsync(instance, "submit", "applicant1")).ToState.Should().Be("Submitted", "the exception holds until the date set");

        Clock.SetUtcNow(Beijing(2023, 9, 5, 18, 0, 0));
        await RunClockAsync();
        (await InstanceAsync(instance)).State.Should().Be("NotSubmitted");
    }

    [Test]
    public async Task Approve_ByAnApplicant_IsForbidden_AndByAnotherUnitsAuditor_IsNotFound()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        var instance = await StartApplicationAsync("applicant1");
        await FireAsync(instance, "submit", "applicant1");

        var byApplicant = () => FireAsync(instance, "approve", "applicant1");
        await byApplicant.Should().ThrowAsync<TitleReview.Application.Common.Exceptions.ForbiddenAccessException>().WithMessage("*审核通过*");

        var byStranger = () => FireAsync(instance, "approve", "auditor2");
        await byStranger.Should().ThrowAsync<TitleReview.Application.Common.Exceptions.NotFoundException>();

        (await InstanceAsync(instance)).State.Should().Be("Submitted");
    }

    [Test]
    public async Task Return_WithoutReason_IsRefusedWithAFieldMessage()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        var instance = await StartApplicationAsync("applicant1");
        await FireAsync(instance, "submit", "applicant1");

        var act = () => FireAsync(instance, "return", "auditor1", reason: "");

        (await act.Should().ThrowAsync<TitleReview.Application.Common.Exceptions.ValidationException>())
            .Which.Errors["reason"].Should().ContainSingle().Which.Should().Be("请填写“退回修改”的原因。");
    }

    [Test]
    public async Task StartApplication_BeforeFilingOpens_IsRefusedWithTheOpeningTime()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 31, 23, 59, 59));

        var act = () => StartApplicationAsync("applicant1");

        await act.Should().ThrowAsync<DomainException>().WithMessage("*2023-08-01 00:00:00 至 2023-08-31 23:59:59（北京时间），尚未开始*");
    }

    [Test]
    public async Task StartApplication_Twice_IsRefused()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        await StartApplicationAsync("applicant1");

        var again = () => StartApplicationAsync("applicant1");

        await again.Should().ThrowAsync<DomainException>().WithMessage("*每人每年度只能申报一次*");
    }
}
