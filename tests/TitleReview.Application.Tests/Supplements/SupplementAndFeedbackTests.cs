using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Feedback;
using TitleReview.Application.Applications.Intake;
using TitleReview.Application.Applications.Preliminary;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Applications.Supplements;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Feedback;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Applications.Supplements;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Supplements;

/// <summary>
/// Supplements during the preliminary results' publicity (Oct 9–13, 2023) and the units'
/// feedback after it (Oct 16–20): 李华 and 张丽 (黔南) pass, 赵强 (交通) fails on a missing photo.
/// </summary>
public class SupplementAndFeedbackTests : WorkflowTestBase
{
    private const string ListedReason = "纸质材料不全";
    private const string FailingNote = "纸质材料未附一寸免冠彩色近照。";
    private const string FailingReason = ListedReason + "。说明：" + FailingNote;

    private readonly Dictionary<string, Guid> _applications = [];
    private readonly Dictionary<string, Guid> _instances = [];

    [SetUp]
    public async Task InThePublicityAsync()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        foreach (var (applicant, auditor) in new[] { ("applicant1", "auditor1"), ("applicant2", "auditor1"), ("applicant3", "auditor2") })
        {
            var instance = await StartApplicationAsync(applicant);
            await FireAsync(instance, "submit", applicant);
            await FireAsync(instance, "approve", auditor);
            _instances[applicant] = instance;
            _applications[applicant] = (await InstanceAsync(instance)).SubjectId;
        }

        Clock.SetUtcNow(Beijing(2023, 8, 14, 9, 0, 0));
        await AsAsync("auditor1", (sp, a) => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([_applications["applicant1"], _applications["applicant2"]], a)));
        await AsAsync("auditor2", (sp, a) => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([_applications["applicant3"]], a)));
        Clock.SetUtcNow(Beijing(2023, 8, 21, 9, 0, 0));
        foreach (var (applicant, auditor) in new[] { ("applicant1", "auditor1"), ("applicant2", "auditor1"), ("applicant3", "auditor2") })
        {
            await AsAsync(auditor, (sp, a) => sp.GetRequiredService<IHandler<RecordUnitPublicity, FireResult>>().HandleAsync(new RecordUnitPublicity(_applications[applicant], PublicityOutcome.NoObjection, null, a)));
            await AsAsync(auditor, (sp, a) => sp.GetRequiredService<IHandler<SubmitToOffice, int>>().HandleAsync(new SubmitToOffice([_applications[applicant]], a)));
        }

        Clock.SetUtcNow(Beijing(2023, 9, 5, 9, 0, 0));
        foreach (var (applicant, unit) in new[] { ("applicant1", DemoUnit("applicant1")), ("applicant2", DemoUnit("applicant2")), ("applicant3", DemoUnit("applicant3")) })
        {
            await CheckInAsync(await unit, applicant);
        }

        await DecideAndPublishAsync(passed: ["applicant1", "applicant2"], failed: ["applicant3"]);
    }

    [Test]
    public async Task Supplement_ByTheFailedApplicantDuringThePublicity_IsReviewed_AndTheOfficePassesItWithAReason()
    {
        Clock.SetUtcNow(Beijing(2023, 10, 10, 20, 0, 0));

        var page = await SupplementPageAsync("applicant3");
        page.FailingReason!.Text.Should().Be(FailingReason);
        page.PeriodText.Should().Be("公示期：2023年10月9日至10月13日");
        page.MayUpload.Should().BeTrue();

        await UploadAsync("applicant3", "一寸照片.pdf");
        await SubmitAsync("applicant3", "已补交一寸免冠彩色近照扫描件。");
        await MeansAsync("applicant3", StateCapabilities.SupplementAwaitingReview);

        Clock.SetUtcNow(Beijing(2023, 10, 12, 10, 0, 0));
        var review = await ReviewAsync();
        var item = review.Cases.Should().ContainSingle().Subject;
        (item.ApplicantName, item.FailingReason!.Text, item.Supplement.Note).Should().Be(("赵强", FailingReason, "已补交一寸免冠彩色近照扫描件。"));
        item.Supplement.Files.Should().ContainSingle().Which.Name.Should().Be("一寸照片.pdf");

        await DecideAsync("applicant3", SupplementDecision.Passed, "照片已补齐，符合申报条件。");

        await MeansAsync("applicant3", StateCapabilities.PreliminaryPassed, StateCapabilities.AwaitingFeedback);
        (await JournalAsync(_instances["applicant3"])).Last().Reason.Should().Contain("改为通过：照片已补齐，符合申报条件。");
        (await ReviewAsync()).Cases.Should().BeEmpty();
    }

    [Test]
    public async Task Supplement_AMinuteBeforeTheEnd_IsAccepted_AtTheEnd_IsRefusedWithTheMessage_AndChangesNothing()
    {
        Clock.SetUtcNow(Beijing(2023, 10, 13, 23, 59, 0));
        await UploadAsync("applicant3", "一寸照片.pdf");

        Clock.SetUtcNow(Beijing(2023, 10, 14, 0, 0, 0));
        var upload = () => UploadAsync("applicant3", "另一份.pdf");
        var submit = () => SubmitAsync("applicant3", "已补交照片。");

        const string Message = "公示期已于 2023年10月13日 结束，不能再上传补充材料。";
        (await upload.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be(Message);
        (await submit.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be(Message);
        (await InScopeAsync(sp => sp.GetRequiredService<IApplicationDbContext>().SupplementFiles.CountAsync())).Should().Be(1);
        await MeansAsync("applicant3", StateCapabilities.SupplementAllowed);
        (await SupplementPageAsync("applicant3")).WhyNot.Should().Be(Message);
    }

    [Test]
    public async Task Supplement_ByAPassedApplicant_OrBySomeoneElse_IsRefused()
    {
        Clock.SetUtcNow(Beijing(2023, 10, 10, 9, 0, 0));

        var passed = () => UploadAsync("applicant1", "照片.pdf");
        var auditor = async () =>
        {
            var actor = await ActorAsync("auditor2");
            using var content = new MemoryStream(DossierFiller.Pdf("photo"));
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<UploadSupplementFile, SupplementFileInfo>>().HandleAsync(new UploadSupplementFile(_applications["applicant3"], content, "照片.pdf", content.Length, actor)));
        };

        (await passed.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("初审通过的申报人无需补充材料。");
        await auditor.Should().ThrowAsync<ForbiddenAccessException>();
        (await InScopeAsync(sp => sp.GetRequiredService<IApplicationDbContext>().Supplements.CountAsync())).Should().Be(0);
    }

    [Test]
    public async Task Supplement_WithContentThatIsNoScan_IsRefused_AndNothingIsStored()
    {
        Clock.SetUtcNow(Beijing(2023, 10, 10, 9, 0, 0));
        var applicant = await ActorAsync("applicant3");

        var act = async () =>
        {
            using var content = new MemoryStream(Files.TestContent.Html());
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<UploadSupplementFile, SupplementFileInfo>>().HandleAsync(new UploadSupplementFile(_applications["applicant3"], content, "照片.pdf", content.Length, applicant)));
        };

        await act.Should().ThrowAsync<Application.Files.UploadRejectedException>();
        (await InScopeAsync(sp => sp.GetRequiredService<IApplicationDbContext>().SupplementFiles.CountAsync())).Should().Be(0);
    }

    [Test]
    public async Task KeepFailed_NeedsAReason_AndThenTheApplicantMaySubmitAgain()
    {
        Clock.SetUtcNow(Beijing(2023, 10, 10, 9, 0, 0));
        await UploadAsync("applicant3", "照片.pdf");
        await SubmitAsync("applicant3", "补交照片。");

        var noReason = () => DecideAsync("applicant3", SupplementDecision.KeptFailed, " ");
        (await noReason.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().BeEquivalentTo(["reason"]);
        await MeansAsync("applicant3", StateCapabilities.SupplementAwaitingReview);

        await DecideAsync("applicant3", SupplementDecision.KeptFailed, "照片不是近期免冠照。");
        await MeansAsync("applicant3", StateCapabilities.SupplementAllowed);

        await UploadAsync("applicant3", "近期照片.pdf");
        await SubmitAsync("applicant3", "补交近期免冠照。");

        var page = await SupplementPageAsync("applicant3");
        page.Submitted.Select(r => (r.Round, r.Decision)).Should().Equal((1, SupplementDecision.KeptFailed), (2, (SupplementDecision?)null));
        (await ReviewAsync()).Cases.Single().Earlier.Should().ContainSingle().Which.DecisionReason.Should().Be("照片不是近期免冠照。");
    }

    [Test]
    public async Task Feedback_BeforeThePublicityEnded_ByAnotherUnitsAuditor_OrWithoutTheObjectionsText_IsRefused()
    {
        Clock.SetUtcNow(Beijing(2023, 10, 13, 10, 0, 0));
        var early = () => RecordAsync("auditor1", "applicant1", FeedbackOutcome.NoObjection);
        (await early.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Contain("公示结束后才能反馈公示结果");

        Clock.SetUtcNow(Beijing(2023, 10, 16, 9, 0, 0));
        var otherUnit = () => RecordAsync("auditor2", "applicant1", FeedbackOutcome.NoObjection);
        var noText = () => RecordAsync("auditor1", "applicant2", FeedbackOutcome.ObjectionDismissed);
        var applicant = () => RecordAsync("applicant1", "applicant1", FeedbackOutcome.NoObjection);

        (await otherUnit.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Be("只有申报人所在单位的审核人可以反馈公示结果。");
        (await noText.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().BeEquivalentTo(["objection", "handling"]);
        await applicant.Should().ThrowAsync<ForbiddenAccessException>();
        (await InScopeAsync(sp => sp.GetRequiredService<IApplicationDbContext>().PublicityFeedback.CountAsync())).Should().Be(0);
    }

    [Test]
    public async Task Feedback_ByTheUnitsOwnAuditor_InTheWindow_IsSubmitted_AndMovesTheCases()
    {
        Clock.SetUtcNow(Beijing(2023, 10, 16, 9, 0, 0));
        await RecordAsync("auditor1", "applicant1", FeedbackOutcome.ObjectionUpheld, "反映其工作业绩材料不实", "初步核实");
        await RecordAsync("auditor1", "applicant1", FeedbackOutcome.ObjectionDismissed, "反映其论文发表时间有误", "经核对期刊原件，发表时间无误，异议不成立");
        await RecordAsync("auditor1", "applicant2", FeedbackOutcome.ObjectionUpheld, "反映其任现职年限不足", "经核查人事档案，异议属实");
        await RecordAsync("auditor2", "applicant3", FeedbackOutcome.NoObjection);

        var unitPage = await UnitFeedbackAsync("auditor1");
        (unitPage.MayRecord, unitPage.ToSubmit).Should().Be((true, 2));

        (await SubmitFeedbackAsync("auditor1")).Should().Be(2);
        (await SubmitFeedbackAsync("auditor2")).Should().Be(1);

        await MeansAsync("applicant1", StateCapabilities.PublicityCleared);
        await MeansAsync("applicant2", StateCapabilities.ObjectionUpheld);
        await MeansAsync("applicant3", StateCapabilities.PreliminaryFailed);
        (await InstanceAsync(_instances["applicant3"])).State.Should().NotBe((await InstanceAsync(_instances["applicant1"])).State);
        (await JournalAsync(_instances["applicant1"])).Last().Reason.Should().Contain("经核对期刊原件，发表时间无误，异议不成立");
        var change = () => RecordAsync("auditor1", "applicant1", FeedbackOutcome.NoObjection);
        (await change.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Contain("已提交省政工职评办");
    }

    [Test]
    public async Task Clock_AtTheFeedbackDeadline_ClosesTheStage_RefusesLateFeedback_AndTheOfficeSeesTheMissing()
    {
        Clock.SetUtcNow(Beijing(2023, 10, 17, 9, 0, 0));
        await RecordAsync("auditor1", "applicant2", FeedbackOutcome.NoObjection);
        await SubmitFeedbackAsync("auditor1");
        await RecordAsync("auditor1", "applicant1", FeedbackOutcome.NoObjection);

        Clock.SetUtcNow(Beijing(2023, 10, 21, 0, 0, 0));
        await RunClockAsync();

        await MeansAsync("applicant1", StateCapabilities.FeedbackMissing);
        await MeansAsync("applicant2", StateCapabilities.PublicityCleared);
        await MeansAsync("applicant3", StateCapabilities.PreliminaryFailed);
        (await JournalAsync(_instances["applicant1"])).Last().Actor.Should().Be(WorkflowActor.ClockId);
        var late = () => RecordAsync("auditor2", "applicant3", FeedbackOutcome.NoObjection);
        (await late.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Be("公示结果反馈已于 2023年10月20日 截止，不能再填写或提交。");

        var office = await ActorAsync("office");
        var view = await InScopeAsync(sp => sp.GetRequiredService<IHandler<ListFeedbackForOffice, OfficeFeedbackView>>().HandleAsync(new ListFeedbackForOffice(2023, office)));
        view.Closed.Should().BeTrue();
        var qiannan = view.Units.Single(u => u.UnitName == "黔南能源集团有限公司");
        qiannan.Missing.Should().ContainSingle().Which.ApplicantName.Should().Be("李华");
        qiannan.Submitted.Should().ContainSingle().Which.ApplicantName.Should().Be("张丽");
        view.MissingCount.Should().Be(1, "赵强's failed case ended the publicity failed: nothing more is owed for it");
    }

    /// <summary>
    /// The review desk's decisions (the desk's commands, 赵强 failed with a listed reason and a note) and the office publishing the results for 5 working days from Mon Oct 9 (the
    /// publicity's command). Decided on Sep 26, published on Sep 28.
    /// </summary>
    private async Task DecideAndPublishAsync(IReadOnlyList<string> passed, IReadOnlyList<string> failed)
    {
        Clock.SetUtcNow(Beijing(2023, 9, 26, 9, 0, 0));
        var office = await ActorAsync("office");
        var listed = await InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().FailureReasons.Where(r => r.Text == ListedReason).Select(r => r.Id).SingleAsync());
        foreach (var applicant in passed)
        {
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<PassPreliminary, PreliminaryDecided>>().HandleAsync(new PassPreliminary(_applications[applicant], null, null, office)));
        }

        foreach (var applicant in failed)
        {
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<FailPreliminary, PreliminaryDecided>>().HandleAsync(new FailPreliminary(_applications[applicant], [listed], FailingNote, null, office)));
        }

        Clock.SetUtcNow(Beijing(2023, 9, 28, 9, 0, 0));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<PublishPreliminaryResults, PreliminaryResultsPublished>>()
            .HandleAsync(new PublishPreliminaryResults(2023, new DateOnly(2023, 10, 9), PublicPublicity.DefaultWorkingDays, null, office)));
    }

    private async Task<Guid> DemoUnit(string applicant) => (await InstanceAsync(_instances[applicant])).UnitId!.Value;

    private async Task CheckInAsync(Guid unitId, string applicant)
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<OpenPaperDelivery, Guid>>().HandleAsync(new OpenPaperDelivery(2023, unitId, office)));
        var counter = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetPaperCounter, PaperCounterView>>().HandleAsync(new GetPaperCounter(2023, null, unitId, _applications[applicant], office)));
        var items = counter.Unit!.Person!.Items.Select(i => new ItemCheck(i.Number, ItemStatus.Received, null)).ToList();
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<CheckInEnvelope, EnvelopeCheckedIn>>().HandleAsync(new CheckInEnvelope(2023, unitId, _applications[applicant], items, office)));
    }

    private async Task AsAsync<T>(string userName, Func<IServiceProvider, WorkflowActor, Task<T>> action)
    {
        var actor = await ActorAsync(userName);
        await InScopeAsync(sp => action(sp, actor));
    }

    private async Task<SupplementView> SupplementPageAsync(string applicant)
    {
        var actor = await ActorAsync(applicant);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetSupplement, SupplementView>>().HandleAsync(new GetSupplement(_applications[applicant], actor)));
    }

    private async Task UploadAsync(string applicant, string fileName)
    {
        var actor = await ActorAsync(applicant);
        using var content = new MemoryStream(DossierFiller.Pdf(fileName));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<UploadSupplementFile, SupplementFileInfo>>().HandleAsync(new UploadSupplementFile(_applications[applicant], content, fileName, content.Length, actor)));
    }

    private async Task SubmitAsync(string applicant, string note)
    {
        var actor = await ActorAsync(applicant);
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<SubmitSupplement, FireResult>>().HandleAsync(new SubmitSupplement(_applications[applicant], note, actor)));
    }

    private async Task<SupplementReview> ReviewAsync()
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<ListSupplementsForReview, SupplementReview>>().HandleAsync(new ListSupplementsForReview(2023, office)));
    }

    private async Task DecideAsync(string applicant, SupplementDecision decision, string reason)
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<DecideSupplement, FireResult>>().HandleAsync(new DecideSupplement(_applications[applicant], decision, reason, office)));
    }

    private async Task RecordAsync(string userName, string applicant, FeedbackOutcome outcome, string? objection = null, string? handling = null)
    {
        var actor = await ActorAsync(userName);
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<RecordFeedback, Guid>>().HandleAsync(new RecordFeedback(_applications[applicant], outcome, objection, handling, actor)));
    }

    private async Task<int> SubmitFeedbackAsync(string auditor)
    {
        var actor = await ActorAsync(auditor);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<SubmitUnitFeedback, int>>().HandleAsync(new SubmitUnitFeedback(2023, actor)));
    }

    private async Task<UnitFeedbackView> UnitFeedbackAsync(string auditor)
    {
        var actor = await ActorAsync(auditor);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetUnitFeedback, UnitFeedbackView>>().HandleAsync(new GetUnitFeedback(2023, actor)));
    }

    private async Task MeansAsync(string applicant, params string[] capabilities)
    {
        var instance = await InstanceAsync(_instances[applicant]);
        var definitions = Services.GetRequiredService<IWorkflowDefinitions>();
        foreach (var capability in capabilities)
        {
            definitions.Has(instance, capability).Should().BeTrue($"{applicant} should mean {capability} in state {instance.State}");
        }
    }
}
