using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Integrity;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Files;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Integrity;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Tests.Fixtures;

namespace TitleReview.Application.Tests.Integrity;

/// <summary>
/// Integrity cases on the 2023 campaign: 李华 (applicant1, 黔南) submits on Aug 10, 2023; where a test
/// needs him further on, his case is put in that state directly (how it got there is the earlier
/// issues' business). The office opens cases by hand, adds evidence and decides.
/// </summary>
public class IntegrityCaseTests : WorkflowTestBase
{
    private const string Reasons = "经核实，其申报的论文《企业思想政治工作创新研究》系抄袭他人成果，属弄虚作假。";

    private RecordingCertificateRevocation _certificates = null!;
    private InMemoryIntegrityRecord _record = null!;
    private Guid _instance;
    private Guid _application;

    protected override void ConfigureServices(IServiceCollection services)
    {
        _certificates = new RecordingCertificateRevocation();
        _record = new InMemoryIntegrityRecord();
        services.UseIntegrityTestDoubles(_certificates, _record);
    }

    [SetUp]
    public async Task LiSubmitsAsync()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        _instance = await StartApplicationAsync("applicant1");
        await FireAsync(_instance, "submit", "applicant1");
        _application = (await InstanceAsync(_instance)).SubjectId;
    }

    [TestCase("Submitted", TestName = "Veto_DuringTheAuditorsFilingReview_EndsTheApplicationFailed_WithTheReason_AndWhoDecided")]
    [TestCase("PublicizedPassed", TestName = "Veto_AfterThePreliminaryReview_EndsTheApplicationFailed_WithTheReason_AndWhoDecided")]
    [TestCase("CommitteePassed", TestName = "Veto_AfterTheCommitteesVote_EndsTheApplicationFailed_WithTheReason_AndWhoDecided")]
    public async Task Veto_AtSeveralStages_EndsTheApplicationFailed_WithTheReason_AndWhoDecided(string stage)
    {
        if (stage != "Submitted")
        {
            await PutInStateAsync(stage);
        }

        Clock.Advance(TimeSpan.FromDays(3));
        var caseId = await OpenAsync(IntegrityCaseSource.OfficeByHand, "收到实名举报：论文系抄袭。");

        var decided = await DecideAsync(caseId, IntegrityOutcome.Veto, Reasons, record: true, IntegrityBanChoice.Default);

        var instance = await InstanceAsync(_instance);
        instance.IsFinished.Should().BeTrue();
        Means(instance, StateCapabilities.Vetoed).Should().BeTrue();
        var last = (await JournalAsync(_instance)).Last();
        (last.ActorName, last.Reason).Should().Be(("陈静", $"一票否决（诚信案件）：{Reasons}"));
        last.FromState.Should().Be(stage);
        var today = BeijingTime.Today(Clock);
        decided.BannedUntil.Should().Be(today.AddYears(3).AddDays(-1));
        var finding = _record.Findings.Should().ContainSingle().Subject;
        (finding.IdNumber, finding.PersonName, finding.CaseId, finding.BannedUntil).Should()
            .Be((DemoAccounts.Users.Single(u => u.UserName == "applicant1").IdNumber!, "李华", caseId, decided.BannedUntil));
        finding.Finding.Should().Contain(Reasons);
        var stored = await CaseAsync(caseId);
        (stored.Status, stored.Outcome, stored.DecisionReasons, stored.DecidedByName).Should().Be((IntegrityCaseStatus.Decided, IntegrityOutcome.Veto, Reasons, "陈静"));
        _certificates.Revoked.Should().BeEmpty();
    }

    [Test]
    public async Task NoFinding_OnASpotCheckCase_ClearsTheApplication_SoItCanBeReferred()
    {
        await PutInStateAsync("SpotCheckMismatch");
        var caseId = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var application = await db.TitleApplications.SingleAsync(a => a.Id == _application);
            var opened = IntegrityCase.OpenFromSpotCheck(_application, CampaignId, application.UnitId, [new IntegrityFinding("毕业证书", "原件专业名称与扫描件不一致。")], false, Clock.GetUtcNow(), "office", "陈静");
            db.IntegrityCases.Add(opened);
            await db.SaveChangesAsync();
            return opened.Id;
        });
        Clock.SetUtcNow(Beijing(2023, 11, 6, 10, 0, 0));
        var office = await ActorAsync("office");
        (await InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().PermittedTriggersAsync(_instance, office)))
            .Should().NotContain(t => t.Operation == WorkflowOperations.PublishCommitteeList, "an open case keeps the person off the list");

        await DecideAsync(caseId, IntegrityOutcome.NoFinding, "经向毕业院校核实，专业名称系学校更名所致，原件真实。", record: false, IntegrityBanChoice.None);

        var instance = await InstanceAsync(_instance);
        Means(instance, StateCapabilities.SpotCheckPassed).Should().BeTrue();
        Means(instance, StateCapabilities.CommitteeEligible).Should().BeTrue();
        Means(instance, StateCapabilities.IntegrityCaseOpen).Should().BeFalse();
        (await JournalAsync(_instance)).Last().Reason.Should().Be("诚信案件不予认定：经向毕业院校核实，专业名称系学校更名所致，原件真实。");
        (await InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().PermittedTriggersAsync(_instance, office)))
            .Should().Contain(t => t.Operation == WorkflowOperations.PublishCommitteeList, "cleared, the case may go on the committee list");
        (await CaseAsync(caseId)).Outcome.Should().Be(IntegrityOutcome.NoFinding);
        _record.Findings.Should().BeEmpty();
    }

    [Test]
    public async Task NoFinding_OnACaseOpenedByHand_ClosesIt_AndLeavesTheApplicationWhereItIs()
    {
        var caseId = await OpenAsync(IntegrityCaseSource.PublicityObjection, "单位公示期间有群众反映其任职年限不实。");

        // The form proposes a record and a ban; nothing found, neither applies.
        var decided = await DecideAsync(caseId, IntegrityOutcome.NoFinding, "经查任职文件，任职年限属实。", record: true, IntegrityBanChoice.Default);

        decided.BannedUntil.Should().BeNull();
        (await InstanceAsync(_instance)).State.Should().Be("Submitted");
        var stored = await CaseAsync(caseId);
        (stored.Status, stored.RecordsFinding, stored.BannedUntil).Should().Be((IntegrityCaseStatus.Decided, false, (DateOnly?)null));
        _record.Findings.Should().BeEmpty();
    }

    [Test]
    public async Task Revocation_CallsTheRevocationSurface_AndKeepsTheFindingWithTheBanTheOfficeSet()
    {
        await PutInStateAsync("CommitteePassed");
        _certificates.Valid[_application] = "黔政工证2023-中-0001";
        var caseId = await OpenAsync(IntegrityCaseSource.OfficeByHand, "证书发放后收到举报：学历证书系伪造。");
        var until = new DateOnly(2028, 12, 31);

        var decided = await DecideAsync(caseId, IntegrityOutcome.Revocation, Reasons, record: true, IntegrityBanChoice.Until, until);

        decided.RevokedCertificateNumber.Should().Be("黔政工证2023-中-0001");
        _certificates.Revoked.Should().ContainSingle().Which.Should().Be((_application, "黔政工证2023-中-0001", Reasons, "陈静"));
        _record.Findings.Should().ContainSingle().Which.BannedUntil.Should().Be(until);
        (await CaseAsync(caseId)).RevokedCertificateNumber.Should().Be("黔政工证2023-中-0001");
        (await InstanceAsync(_instance)).State.Should().Be("CommitteePassed", "a revocation leaves the application's result; the certificate says revoked");
    }

    [Test]
    public async Task Revocation_WithoutAValidCertificate_IsRefused_AndChangesNothing()
    {
        var caseId = await OpenAsync(IntegrityCaseSource.OfficeByHand, "举报");

        var act = () => DecideAsync(caseId, IntegrityOutcome.Revocation, Reasons, record: true, IntegrityBanChoice.Default);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<RevocationNeedsAValidCertificateRule>();
        (await CaseAsync(caseId)).Status.Should().Be(IntegrityCaseStatus.Open);
        _record.Findings.Should().BeEmpty();
    }

    [Test]
    public async Task Decide_WithoutAReason_GivesAFieldMessage_AndChangesNothing()
    {
        var caseId = await OpenAsync(IntegrityCaseSource.CommitteeFinding, "评委审阅时发现两篇论文内容雷同。");
        var journal = (await JournalAsync(_instance)).Count;

        var act = () => DecideAsync(caseId, IntegrityOutcome.Veto, "  ", record: true, IntegrityBanChoice.Default);

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["Reasons"].Should().Equal("请填写处理决定的理由。");
        (await CaseAsync(caseId)).Status.Should().Be(IntegrityCaseStatus.Open);
        (await InstanceAsync(_instance)).State.Should().Be("Submitted");
        (await JournalAsync(_instance)).Should().HaveCount(journal);
        _record.Findings.Should().BeEmpty();
    }

    [Test]
    public async Task Decide_ABanWithoutRecording_OrEndingInThePast_GivesFieldMessages()
    {
        var caseId = await OpenAsync(IntegrityCaseSource.OfficeByHand, "举报");

        var ban = () => DecideAsync(caseId, IntegrityOutcome.Veto, Reasons, record: false, IntegrityBanChoice.Default);
        var past = () => DecideAsync(caseId, IntegrityOutcome.Veto, Reasons, record: true, IntegrityBanChoice.Until, new DateOnly(2023, 1, 1));

        (await ban.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainKey("Ban");
        (await past.Should().ThrowAsync<ValidationException>()).Which.Errors["BanUntil"].Should().Equal("禁止申报的截止日期须晚于今天。");
        (await CaseAsync(caseId)).Status.Should().Be(IntegrityCaseStatus.Open);
    }

    [Test]
    public async Task Decide_ADecidedCase_IsRefused_AndChangesNothing()
    {
        var caseId = await OpenAsync(IntegrityCaseSource.OfficeByHand, "举报");
        await DecideAsync(caseId, IntegrityOutcome.NoFinding, "查无实据。", record: false, IntegrityBanChoice.None);
        var journal = (await JournalAsync(_instance)).Count;

        var again = () => DecideAsync(caseId, IntegrityOutcome.Veto, Reasons, record: true, IntegrityBanChoice.Default);
        var note = () => AddNoteAsync(caseId, "补充材料");

        (await again.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Be("该诚信案件已作出处理决定，决定不能更改，也不能再补充证据。");
        (await note.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<DecidedIntegrityCaseIsFinalRule>();
        (await CaseAsync(caseId)).Outcome.Should().Be(IntegrityOutcome.NoFinding);
        (await InstanceAsync(_instance)).State.Should().Be("Submitted");
        (await JournalAsync(_instance)).Should().HaveCount(journal);
        _record.Findings.Should().BeEmpty();
    }

    [Test]
    public async Task Veto_OnAnApplicationAlreadyVetoed_IsRefusedByName()
    {
        var first = await OpenAsync(IntegrityCaseSource.OfficeByHand, "举报");
        await DecideAsync(first, IntegrityOutcome.Veto, Reasons, record: false, IntegrityBanChoice.None);
        var second = await OpenAsync(IntegrityCaseSource.CommitteeFinding, "又发现一篇论文系代写。");

        var act = () => DecideAsync(second, IntegrityOutcome.Veto, Reasons, record: false, IntegrityBanChoice.None);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<VetoOnlyOnAnApplicationNotYetEndedRule>();
        (await CaseAsync(second)).Status.Should().Be(IntegrityCaseStatus.Open);
    }

    [Test]
    public async Task Open_WithAnUnknownApplication_OrBadInput_GivesFieldMessages_AndOpensNothing()
    {
        var office = await ActorAsync("office");

        var unknown = () => SendAsync<OpenIntegrityCase, Guid>(new OpenIntegrityCase(Guid.NewGuid(), IntegrityCaseSource.OfficeByHand, null, "举报", office));
        var blank = () => SendAsync<OpenIntegrityCase, Guid>(new OpenIntegrityCase(null, IntegrityCaseSource.SpotCheck, null, " ", office));
        var twice = async () =>
        {
            await OpenAsync(IntegrityCaseSource.OfficeByHand, "举报");
            await OpenAsync(IntegrityCaseSource.OfficeByHand, "再次举报");
        };

        (await unknown.Should().ThrowAsync<ValidationException>()).Which.Errors["ApplicationId"].Should().Equal("未找到该申报，请从本年度的申报中选择当事申报人。");
        (await blank.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().BeEquivalentTo(["ApplicationId", "Source", "FirstNote"]);
        (await twice.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<OneOpenIntegrityCasePerApplicationRule>();
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().IntegrityCases.CountAsync())).Should().Be(1);
    }

    [Test]
    public async Task Evidence_NotesAndScans_AreKept_AndAScanIsServedOnlyToTheOffice_AsUploaded()
    {
        var caseId = await OpenAsync(IntegrityCaseSource.OfficeByHand, "收到举报信。");
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        var office = await ActorAsync("office");

        await AddNoteAsync(caseId, "已电话联系举报人核实。");
        var scanId = await InScopeAsync(sp => sp.GetRequiredService<IHandler<AddIntegrityScan, Guid>>()
            .HandleAsync(new AddIntegrityScan(caseId, new MemoryStream(pdf), "举报信.pdf", pdf.Length, office)));
        var notAScan = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<AddIntegrityScan, Guid>>()
            .HandleAsync(new AddIntegrityScan(caseId, new MemoryStream(Encoding.UTF8.GetBytes("plain text")), "举报信.pdf", 10, office)));

        await notAScan.Should().ThrowAsync<UploadRejectedException>();
        var view = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetIntegrityCase, IntegrityCaseView>>().HandleAsync(new GetIntegrityCase(caseId, office)));
        view.Evidence.Select(e => (e.Kind, e.Note ?? e.FileName)).Should().Equal(
            (IntegrityEvidenceKind.Note, "收到举报信。"), (IntegrityEvidenceKind.Note, "已电话联系举报人核实。"), (IntegrityEvidenceKind.Scan, "举报信.pdf"));
        (view.ApplicantName, view.StateName, view.IsDecided, view.ApplicationEnded).Should().Be(("李华", "待单位审核", false, false));
        var opened = await InScopeAsync(sp => sp.GetRequiredService<IHandler<OpenIntegrityScan, OpenedIntegrityScan>>().HandleAsync(new OpenIntegrityScan(caseId, scanId, office)));
        await using (opened.Content)
        {
            using var copy = new MemoryStream();
            await opened.Content.CopyToAsync(copy);
            copy.ToArray().Should().Equal(pdf);
        }

        var auditor = await ActorAsync("auditor1");
        var byAuditor = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<OpenIntegrityScan, OpenedIntegrityScan>>().HandleAsync(new OpenIntegrityScan(caseId, scanId, auditor)));
        await byAuditor.Should().ThrowAsync<ForbiddenAccessException>();
        var list = await InScopeAsync(sp => sp.GetRequiredService<IHandler<ListIntegrityCases, IntegrityCasesView>>().HandleAsync(new ListIntegrityCases(2023, office)));
        list.Open.Should().ContainSingle().Which.EvidenceCount.Should().Be(3);
        list.Candidates.Should().ContainSingle(c => c.ApplicantName == "李华");
    }

    private Task PutInStateAsync(string state) => InScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().WorkflowInstances.Where(i => i.Id == _instance).ExecuteUpdateAsync(u => u.SetProperty(i => i.State, state)));

    private bool Means(WorkflowInstance instance, string capability) => Services.GetRequiredService<IWorkflowDefinitions>().Has(instance, capability);

    private async Task<Guid> OpenAsync(IntegrityCaseSource source, string note)
    {
        var office = await ActorAsync("office");
        return await SendAsync<OpenIntegrityCase, Guid>(new OpenIntegrityCase(_application, source, null, note, office));
    }

    private async Task<IntegrityCaseDecided> DecideAsync(Guid caseId, IntegrityOutcome outcome, string reasons, bool record, IntegrityBanChoice ban, DateOnly? until = null)
    {
        var office = await ActorAsync("office");
        return await SendAsync<DecideIntegrityCase, IntegrityCaseDecided>(new DecideIntegrityCase(caseId, outcome, reasons, record, ban, until, null, office));
    }

    private async Task<Guid> AddNoteAsync(Guid caseId, string note)
    {
        var office = await ActorAsync("office");
        return await SendAsync<AddIntegrityNote, Guid>(new AddIntegrityNote(caseId, note, null, office));
    }

    private Task<TResult> SendAsync<TCommand, TResult>(TCommand command) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<TCommand, TResult>>().HandleAsync(command));

    private Task<IntegrityCase> CaseAsync(Guid id) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().IntegrityCases.AsNoTracking().SingleAsync(c => c.Id == id));
}
