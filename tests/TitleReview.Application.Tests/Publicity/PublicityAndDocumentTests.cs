using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Campaigns.UpdateStageWindow;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Common;

namespace TitleReview.Application.Tests.Publicity;

public class PublicityAndDocumentTests : WorkflowTestBase
{
    private Guid _instance;
    private Guid _application;

    [SetUp]
    public async Task ApprovedDossierAsync()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        _instance = await StartApplicationAsync("applicant1");
        await FireAsync(_instance, "submit", "applicant1");
        await FireAsync(_instance, "approve", "auditor1");
        _application = (await InstanceAsync(_instance)).SubjectId;
    }

    [Test]
    public async Task EveryDocument_RendersTheDossierAsApproved_WithANumberAndACode()
    {
        foreach (var kind in DocumentKinds.All.Where(k => k != DocumentKind.PublicityResult))
        {
            var document = await DocumentAsync(kind, "applicant1");

            document.Number.Should().MatchRegex($"^2023-{DocumentKinds.Code(kind)}-\\d{{5}}$");
            document.VerificationCode.Should().HaveLength(GeneratedDocument.CodeLength);
            document.IsCurrent.Should().BeTrue();
            var c = document.Content;
            c.ApplicantName.Should().Be("李华");
            c.UnitName.Should().Be("黔南能源集团有限公司");
            c.Mobile.Should().Be("13900000201");
            c.CurrentPost.Should().Be("党群工作部副部长");
            c.TenureText.Should().Be("6 年 6 个月");
            c.Education.Should().ContainSingle(e => e.Year == 2022 && e.Hours == 96);
            c.Work.Should().ContainSingle(w => w.Post == "党群工作部干事");
            c.Materials.Should().ContainSingle(m => m.WordCount == 12000);
            c.Papers.Should().HaveCount(2);
        }

        (await DocumentAsync(DocumentKind.ReviewForm, "auditor1")).Number.Should().Be((await DocumentAsync(DocumentKind.ReviewForm, "applicant1")).Number, "the same paper, not a new one each time");
    }

    [Test]
    public async Task PublicityResult_BeforeTheResultIsRecorded_IsRefused()
    {
        var act = () => DocumentAsync(DocumentKind.PublicityResult, "auditor1");

        await act.Should().ThrowAsync<DomainException>().WithMessage("*记录公示结果后*");
    }

    [Test]
    public async Task Publicity_StartingOn20230927_EndsOn9OctoberAcrossNationalDay()
    {
        await MoveUnitPublicityWindowAsync(new DateTime(2023, 10, 31, 23, 59, 59));
        Clock.SetUtcNow(Beijing(2023, 9, 27, 9, 0, 0));

        var started = await StartAsync();

        started.Start.Should().Be(new DateOnly(2023, 9, 27));
        started.End.Should().Be(new DateOnly(2023, 10, 9), "Sep 27, 28, Oct 7, 8 (moved working weekend) and 9 are the five working days");
        (await InstanceAsync(_instance)).State.Should().Be("UnitPublicity");
    }

    [Test]
    public async Task Start_WhenTheAuditorStartsIt_BeginsTodayByTheServerClock()
    {
        // Late on Sunday 13 August UTC is Monday 14 August in Beijing: the day counts in Beijing time.
        Clock.SetUtcNow(new DateTimeOffset(2023, 8, 13, 23, 30, 0, TimeSpan.Zero));

        var started = await StartAsync();

        started.Should().BeEquivalentTo(new PublicityStarted(new DateOnly(2023, 8, 14), new DateOnly(2023, 8, 18), 1));
        typeof(StartUnitPublicity).GetProperties().Should().NotContain(p => p.PropertyType == typeof(DateOnly) || p.PropertyType == typeof(DateOnly?), "a start date cannot be chosen, so it cannot be back-dated");
        var application = await InScopeAsync(sp => sp.GetRequiredService<IApplicationDbContext>().TitleApplications.SingleAsync(a => a.Id == _application));
        application.PublicityStart.Should().Be(new DateOnly(2023, 8, 14));
    }

    [Test]
    public async Task Record_BeforeTheLastWorkingDayHasEnded_IsRefusedWithTheEndDate()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 14, 9, 0, 0));
        await StartAsync();

        Clock.SetUtcNow(Beijing(2023, 8, 18, 23, 59, 59));
        var early = () => RecordAsync(PublicityOutcome.NoObjection, null);

        await early.Should().ThrowAsync<BusinessRuleViolationException>().WithMessage("单位公示期至 2023年8月18日 结束，结束后才能记录公示结果。");
        (await InstanceAsync(_instance)).State.Should().Be("UnitPublicity");
    }

    [Test]
    public async Task Record_OnceTheLastWorkingDayHasEnded_PassesThePublicity()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 14, 9, 0, 0));
        await StartAsync();

        Clock.SetUtcNow(Beijing(2023, 8, 19, 0, 0, 0));
        await RecordAsync(PublicityOutcome.NoObjection, null);

        (await InstanceAsync(_instance)).State.Should().Be("PublicityPassed");
    }

    [Test]
    public async Task RecordingBeforeTheEnd_IsRefused_AnObjectionNeedsItsHandling()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 14, 9, 0, 0));
        var started = await StartAsync();
        started.End.Should().Be(new DateOnly(2023, 8, 18));

        Clock.SetUtcNow(Beijing(2023, 8, 18, 17, 0, 0));
        var early = () => RecordAsync(PublicityOutcome.NoObjection, null);
        await early.Should().ThrowAsync<BusinessRuleViolationException>().WithMessage("单位公示期至 2023年8月18日 结束，结束后才能记录公示结果。");

        Clock.SetUtcNow(Beijing(2023, 8, 21, 9, 0, 0));
        var noNote = () => RecordAsync(PublicityOutcome.Objection, " ");
        (await noNote.Should().ThrowAsync<ValidationException>()).Which.Errors["note"].Single().Should().Contain("异议情况及处理结果");
    }

    [Test]
    public async Task Submission_WithoutARecordedResult_IsRefusedClearly_AndWithNoObjectionItGoesToTheOffice_FlaggingACopiedScan()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 14, 9, 0, 0));
        var copier = (await InstanceAsync(await StartApplicationAsync("applicant2", completeDossier: false))).SubjectId;
        using (var copy = new MemoryStream(DossierFiller.Pdf($"{_application} {AttachmentSlots.Employment}")))
        {
            var applicant2 = await ActorAsync("applicant2");
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<UploadAttachment, AttachmentInfo>>()
                .HandleAsync(new UploadAttachment(copier, AttachmentSlots.Employment, copy, "聘书.pdf", copy.Length, null, applicant2)));
        }

        await StartAsync();

        var tooSoon = () => SubmitAsync();
        (await tooSoon.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("未报送。李华：尚未记录单位公示结果，不能报送（只有公示无异议的材料才能报送省政工职评办）。");

        Clock.SetUtcNow(Beijing(2023, 8, 21, 9, 0, 0));
        await RecordAsync(PublicityOutcome.NoObjection, null);
        (await SubmitAsync()).Should().Be(1);
        (await InstanceAsync(_instance)).State.Should().Be("AwaitingPaper");

        var incoming = await InScopeAsync(sp => sp.GetRequiredService<IHandler<ListIncoming, IReadOnlyList<IncomingUnit>>>().HandleAsync(new ListIncoming(2023)));
        incoming.Should().ContainSingle().Which.Count.Should().Be(1);
        incoming.Single().Applicants.Single().DuplicatedScans.Should().Be(1, "applicant2 uploaded a copy of one of 李华's scans");
        (await DocumentAsync(DocumentKind.PublicityResult, "auditor1")).Publicity!.Outcome.Should().Be(PublicityOutcome.NoObjection);
    }

    [Test]
    public async Task AnObjection_StopsTheDossier()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 14, 9, 0, 0));
        await StartAsync();
        Clock.SetUtcNow(Beijing(2023, 8, 21, 9, 0, 0));

        await RecordAsync(PublicityOutcome.Objection, "有职工反映论文署名问题，经核实属实，不予推荐");

        (await InstanceAsync(_instance)).State.Should().Be("PublicityObjected");
        var submit = () => SubmitAsync();
        await submit.Should().ThrowAsync<DomainException>().WithMessage("*当前状态不能报送*");
    }

    [Test]
    public async Task AtTheSubmissionWindowsClose_DossiersNotSubmittedAreClosedByTheClock()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 9, 0, 0, 0));

        await RunClockAsync();

        (await InstanceAsync(_instance)).State.Should().Be("NotForwarded");
        (await JournalAsync(_instance)).Last().Actor.Should().Be("system:clock");
    }

    [Test]
    public async Task Verification_ConfirmsARealCode_SaysNotFoundForAMadeUpOne_AndReapprovalSupersedes()
    {
        var form = await DocumentAsync(DocumentKind.ReviewForm, "applicant1");

        var result = await VerifyAsync(form.VerificationCode.ToLowerInvariant());
        result.Should().BeEquivalentTo(new { Title = "专业技术职务任职资格评审表", form.Number, ApplicantName = "李华", UnitName = "黔南能源集团有限公司", IsCurrent = true });
        var madeUp = () => VerifyAsync("ZZZZ2222");
        await madeUp.Should().ThrowAsync<NotFoundException>();

        // A later approval (a future review round) takes a new snapshot: the printed paper no longer counts.
        await InScopeAsync(async sp =>
        {
            var instance = await InstanceAsync(_instance);
            var snapshot = sp.GetServices<TitleReview.Application.Workflows.IWorkflowAction>().Single(a => a.Name == TitleReview.Domain.Workflows.WorkflowActions.SnapshotDossier);
            await snapshot.RunAsync(new TitleReview.Application.Workflows.WorkflowActionContext(instance, "Submitted", "approve", TitleReview.Domain.Workflows.WorkflowActor.Clock, Clock.GetUtcNow()), CancellationToken.None);

            await sp.GetRequiredService<IApplicationDbContext>().SaveChangesAsync();
        });
        (await VerifyAsync(form.VerificationCode)).IsCurrent.Should().BeFalse();
        (await DocumentAsync(DocumentKind.ReviewForm, "applicant1")).Number.Should().NotBe(form.Number, "a new paper is issued from the new snapshot");
    }

    private Task<DocumentView> DocumentAsync(DocumentKind kind, string userName) =>
        InScopeAsync(async sp => await sp.GetRequiredService<IHandler<GetDocument, DocumentView>>().HandleAsync(new GetDocument(_application, kind, await ActorAsync(userName))));

    private async Task<PublicityStarted> StartAsync()
    {
        var auditor = await ActorAsync("auditor1");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([_application], auditor)));
    }

    private async Task RecordAsync(PublicityOutcome outcome, string? note)
    {
        var auditor = await ActorAsync("auditor1");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<RecordUnitPublicity, TitleReview.Application.Workflows.FireResult>>().HandleAsync(new RecordUnitPublicity(_application, outcome, note, auditor)));
    }

    private async Task<int> SubmitAsync()
    {
        var auditor = await ActorAsync("auditor1");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<SubmitToOffice, int>>().HandleAsync(new SubmitToOffice([_application], auditor)));
    }

    private Task<VerificationResult> VerifyAsync(string code) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<VerifyDocument, VerificationResult>>().HandleAsync(new VerifyDocument(code)));

    /// <summary>Keeps the stages in calendar order: every later stage up to the spot check closes no earlier.</summary>
    private async Task MoveUnitPublicityWindowAsync(DateTime lastSecond)
    {
        var office = await ActorAsync("office");
        var moves = new (string Key, DateTime Opens)[]
        {
            ("preliminaryReview", new DateTime(2023, 9, 20)),
            ("payment", new DateTime(2023, 9, 11)),
            ("paperDelivery", new DateTime(2023, 9, 4)),
            ("unitPublicity", new DateTime(2023, 8, 1)),
        };
        foreach (var (key, opens) in moves)
        {
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<UpdateStageWindow, Guid>>()
                .HandleAsync(new UpdateStageWindow(CampaignId, key, opens, lastSecond, null, office)));
        }
    }
}
