using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Applications.Intake;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Campaigns.CopyCampaign;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Tests.Intake;

/// <summary>
/// The office at the counter (issue 13, item 2): a unit's delivery, envelopes found by their
/// label's code, checked in item by item, the receipt and its code, the window and the exception.
/// </summary>
public class PaperIntakeTests : WorkflowTestBase
{
    private readonly Dictionary<string, Guid> _applications = [];
    private readonly Dictionary<string, Guid> _instances = [];
    private Guid _qiannan;
    private Guid _transport;

    /// <summary>李华 and 张丽 (黔南) and 赵强 (交通) submitted to the office in August 2023.</summary>
    [SetUp]
    public async Task SubmittedToTheOfficeAsync()
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

        _qiannan = (await InstanceAsync(_instances["applicant1"])).UnitId!.Value;
        _transport = (await InstanceAsync(_instances["applicant3"])).UnitId!.Value;
        Clock.SetUtcNow(Beijing(2023, 8, 14, 9, 0, 0));
        await AsAuditorAsync("auditor1", (sp, a) => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([_applications["applicant1"], _applications["applicant2"]], a)));
        await AsAuditorAsync("auditor2", (sp, a) => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([_applications["applicant3"]], a)));
        Clock.SetUtcNow(Beijing(2023, 8, 21, 9, 0, 0));
        foreach (var (applicant, auditor) in new[] { ("applicant1", "auditor1"), ("applicant2", "auditor1"), ("applicant3", "auditor2") })
        {
            await AsAuditorAsync(auditor, (sp, a) => sp.GetRequiredService<IHandler<RecordUnitPublicity, FireResult>>().HandleAsync(new RecordUnitPublicity(_applications[applicant], PublicityOutcome.NoObjection, null, a)));
            await AsAuditorAsync(auditor, (sp, a) => sp.GetRequiredService<IHandler<SubmitToOffice, int>>().HandleAsync(new SubmitToOffice([_applications[applicant]], a)));
        }
    }

    [Test]
    public async Task Scan_OfALabelCode_OpensThatPersonOfThatUnit()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 5, 9, 0, 0));
        await OpenAsync(_qiannan);
        var label = await LabelCodeAsync("applicant2");

        var found = await ScanAsync(_qiannan, label.ToLowerInvariant() + "\r\n");

        found.Should().Be(_applications["applicant2"]);
        var counter = await CounterAsync(_qiannan, found);
        counter.Unit!.Person!.Name.Should().Be("张丽");
        counter.Unit.Envelopes.Select(e => e.Name).Should().BeEquivalentTo(["李华", "张丽"], "the unit's submitted applicants are expected, and only they");
    }

    [Test]
    public async Task Scan_OfAnotherUnitsEnvelope_IsRefusedNamingTheUnit()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 5, 9, 0, 0));
        await OpenAsync(_qiannan);

        var act = async () => await ScanAsync(_qiannan, await LabelCodeAsync("applicant3"));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["code"].Single()
            .Should().Be("该档案袋属于贵州省示范交通投资集团有限公司（赵强），不是本单位的材料，请交由该单位报送。");
    }

    [Test]
    public async Task Scan_OfAnEnvelopeFromAnotherCampaign_IsRefusedNamingItsYear()
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<CopyCampaign, Guid>>().HandleAsync(new CopyCampaign(2023, 2024, office)));
        var code = await LabelCodeAsync("applicant1");

        var act = () => ScanAsync(_qiannan, code, year: 2024);

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["code"].Single()
            .Should().Be("该档案袋属于 2023 年度（黔南能源集团有限公司，李华），不是本年度的材料。");
    }

    [Test]
    public async Task Scan_OfAnUnknownCodeOrAnotherPaper_IsRefusedSayingWhy()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 5, 9, 0, 0));
        await OpenAsync(_qiannan);
        var reviewForm = await DocumentAsync("applicant1", DocumentKind.ReviewForm);

        var unknown = () => ScanAsync(_qiannan, "ZZZZ2222");
        var otherPaper = () => ScanAsync(_qiannan, reviewForm);

        (await unknown.Should().ThrowAsync<ValidationException>()).Which.Errors["code"].Single().Should().Contain("未找到校验码为“ZZZZ2222”的档案袋标签");
        (await otherPaper.Should().ThrowAsync<ValidationException>()).Which.Errors["code"].Single().Should().Contain("不是档案袋标签");
    }

    [Test]
    public async Task OpenDelivery_ByAnApplicant_IsRefused_AndOnlyTheUnitDelivers()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 5, 9, 0, 0));
        var applicant = await ActorAsync("applicant1");

        var byApplicant = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<OpenPaperDelivery, Guid>>().HandleAsync(new OpenPaperDelivery(2023, _qiannan, applicant)));
        var forNoUnit = () => OpenAsync(Guid.NewGuid());

        (await byApplicant.Should().ThrowAsync<ForbiddenAccessException>()).Which.Message.Should().Contain("由单位统一报送");
        (await forNoUnit.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Be("纸质材料须由单位统一报送，不接收个人报送。");
        (await InScopeAsync(sp => sp.GetRequiredService<IApplicationDbContext>().PaperDeliveries.CountAsync())).Should().Be(0);
    }

    [Test]
    public async Task CheckIn_CompleteAndIncomplete_MovesTheCases_AndTheReceiptListsExactlyWhatCame_AndVerifies()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 5, 9, 0, 0));
        await OpenAsync(_qiannan);

        var complete = await CheckInAsync(_qiannan, "applicant1", missing: null);
        var incomplete = await CheckInAsync(_qiannan, "applicant2", missing: "一寸免冠彩色近照");

        complete.Complete.Should().BeTrue();
        incomplete.Complete.Should().BeFalse();
        incomplete.Shortfall.Should().Be("一寸免冠彩色近照：缺（照片未附）");
        await MeansAsync("applicant1", StateCapabilities.PaperCheckedIn, StateCapabilities.SubmittedToOffice);
        await MeansAsync("applicant2", StateCapabilities.PaperIncomplete);
        (await JournalAsync(_instances["applicant2"])).Last().Reason.Should().Be("一寸免冠彩色近照：缺（照片未附）");

        var receipt = await ReceiptAsync(_qiannan, "auditor1");
        receipt.People.Should().HaveCount(2);
        receipt.People.Single(p => p.Name == "李华").Items.Should().OnlyContain(i => i.Status == ItemStatus.Received);
        receipt.People.Single(p => p.Name == "张丽").Items.Where(i => i.Status != ItemStatus.Received).Should().ContainSingle()
            .Which.Should().Be(new CheckedItem(6, "一寸免冠彩色近照", ItemStatus.Missing, "照片未附"));
        (receipt.Expected, receipt.Received, receipt.Incomplete).Should().Be((2, 1, 1));
        receipt.NotCheckedIn.Should().BeEmpty();

        var verified = await VerifyAsync(receipt.VerificationCode);
        verified.Should().BeEquivalentTo(new { Title = "纸质申报材料接收回执", receipt.Number, UnitName = "黔南能源集团有限公司", IsCurrent = true, Receipt = new ReceiptCounts(2023, 2, 1, 1) });
        (await ReceiptAsync(_qiannan, "office")).Number.Should().Be(receipt.Number, "printing again without a change is the same receipt");

        // 张丽's unit brings the photo on the last day: she is received, and the old receipt no longer counts.
        Clock.SetUtcNow(Beijing(2023, 9, 8, 16, 0, 0));
        (await CheckInAsync(_qiannan, "applicant2", missing: null)).Complete.Should().BeTrue();
        await MeansAsync("applicant2", StateCapabilities.PaperCheckedIn);
        var next = await ReceiptAsync(_qiannan, "office");
        next.Number.Should().NotBe(receipt.Number);
        (next.Received, next.Incomplete).Should().Be((2, 0));
        (await VerifyAsync(receipt.VerificationCode)).IsCurrent.Should().BeFalse();
    }

    [Test]
    public async Task Receipt_OfAnotherUnit_IsNotTheAuditorsToRead()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 5, 9, 0, 0));
        await OpenAsync(_qiannan);
        await CheckInAsync(_qiannan, "applicant1", missing: null);

        var act = () => ReceiptAsync(_qiannan, "auditor2");

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task CheckIn_AfterTheWindow_IsRefused_UnlessTheUnitHasAnException()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 5, 9, 0, 0));
        await OpenAsync(_qiannan);
        Clock.SetUtcNow(Beijing(2023, 9, 9, 9, 0, 0));

        var late = () => CheckInAsync(_qiannan, "applicant1", missing: null);

        (await late.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Contain("逾期不再接收");
        (await InScopeAsync(sp => sp.GetRequiredService<IApplicationDbContext>().EnvelopeCheckIns.CountAsync())).Should().Be(0);

        var count = await GrantAsync(_qiannan, "单位所在地突发汛情，材料延误", Beijing(2023, 9, 12, 0, 0, 0));

        count.Should().Be(2);
        (await CheckInAsync(_qiannan, "applicant1", missing: null)).Complete.Should().BeTrue();
        await MeansAsync("applicant1", StateCapabilities.PaperCheckedIn);
        (await JournalAsync(_instances["applicant2"])).Last().Reason.Should().StartWith("黔南能源集团有限公司特例接收纸质材料：单位所在地突发汛情，材料延误");
        var otherUnit = async () => { await OpenAsync(_transport); };
        await otherUnit.Should().ThrowAsync<BusinessRuleViolationException>("the exception is the unit's own");
    }

    [Test]
    public async Task Clock_AtTheWindowsClose_EndsUndeliveredCasesAsNotDelivered_OnceOnly_AndTheExceptionReopensThem()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 5, 9, 0, 0));
        await OpenAsync(_qiannan);
        await CheckInAsync(_qiannan, "applicant1", missing: null);
        await CheckInAsync(_qiannan, "applicant2", missing: "一寸免冠彩色近照");

        Clock.SetUtcNow(Beijing(2023, 9, 9, 0, 0, 0));
        await RunClockAsync();

        await MeansAsync("applicant3", StateCapabilities.PaperNotDelivered);
        (await InstanceAsync(_instances["applicant3"])).IsFinished.Should().BeTrue();
        (await JournalAsync(_instances["applicant3"])).Last().Actor.Should().Be(WorkflowActor.ClockId);
        await MeansAsync("applicant1", StateCapabilities.PaperCheckedIn);
        await MeansAsync("applicant2", StateCapabilities.PaperIncomplete);
        var journalRows = (await JournalAsync(_instances["applicant3"])).Count;

        await RunClockAsync();

        (await JournalAsync(_instances["applicant3"])).Should().HaveCount(journalRows, "a re-run changes nothing");
        var progress = await InScopeAsync(sp => sp.GetRequiredService<IHandler<ListPaperDeliveryProgress, IReadOnlyList<UnitPaperProgress>>>().HandleAsync(new ListPaperDeliveryProgress(2023)));
        progress.Select(p => (p.UnitName, p.Submitted, p.Awaiting, p.Received, p.Incomplete, p.NotDelivered, p.DeliveryOpen)).Should().Equal(
            ("贵州省示范交通投资集团有限公司", 1, 0, 0, 0, 1, false),
            ("黔南能源集团有限公司", 2, 0, 1, 1, 0, true));

        Clock.SetUtcNow(Beijing(2023, 9, 11, 9, 0, 0));
        await GrantAsync(_transport, "报送人途中车辆故障", Beijing(2023, 9, 13, 0, 0, 0));

        await MeansAsync("applicant3", StateCapabilities.AwaitingPaper);
        await OpenAsync(_transport);
        await CheckInAsync(_transport, "applicant3", missing: null);
        await MeansAsync("applicant3", StateCapabilities.PaperCheckedIn);
    }

    [Test]
    public async Task Exception_WhenTheExceptionEnds_TheClockClosesWhatStillDidNotCome()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 9, 9, 0, 0));
        await GrantAsync(_transport, "报送人途中车辆故障", Beijing(2023, 9, 13, 0, 0, 0));
        await RunClockAsync();
        await MeansAsync("applicant3", StateCapabilities.AwaitingPaper);

        Clock.SetUtcNow(Beijing(2023, 9, 13, 0, 0, 0));
        await RunClockAsync();

        await MeansAsync("applicant3", StateCapabilities.PaperNotDelivered);
    }

    [Test]
    public async Task Exception_DuringTheWindow_OrWithoutAReason_IsRefused_AndChangesNothing()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 5, 9, 0, 0));

        var early = () => GrantAsync(_qiannan, "原因", Beijing(2023, 9, 12, 0, 0, 0));
        var noReason = () => GrantAsync(_qiannan, " ", null);

        (await early.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Contain("尚未截止");
        (await noReason.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().BeEquivalentTo(["reason", "until"]);
        (await InScopeAsync(sp => sp.GetRequiredService<IApplicationDbContext>().PaperDeliveryExceptions.CountAsync())).Should().Be(0);
    }

    private async Task AsAuditorAsync<T>(string auditor, Func<IServiceProvider, WorkflowActor, Task<T>> action)
    {
        var actor = await ActorAsync(auditor);
        await InScopeAsync(sp => action(sp, actor));
    }

    private async Task<Guid> OpenAsync(Guid unitId)
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<OpenPaperDelivery, Guid>>().HandleAsync(new OpenPaperDelivery(2023, unitId, office)));
    }

    private async Task<Guid> ScanAsync(Guid unitId, string code, int year = 2023)
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<FindEnvelope, Guid>>().HandleAsync(new FindEnvelope(year, unitId, code, office)));
    }

    private async Task<PaperCounterView> CounterAsync(Guid unitId, Guid? applicationId)
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetPaperCounter, PaperCounterView>>().HandleAsync(new GetPaperCounter(2023, null, unitId, applicationId, office)));
    }

    /// <summary>Ticks every item of the person's checklist received, except the one named (missing, with a note).</summary>
    private async Task<EnvelopeCheckedIn> CheckInAsync(Guid unitId, string applicant, string? missing)
    {
        var application = _applications[applicant];
        var items = (await CounterAsync(unitId, application)).Unit!.Person!.Items
            .Select(i => i.Name == missing ? new ItemCheck(i.Number, ItemStatus.Missing, "照片未附") : new ItemCheck(i.Number, ItemStatus.Received, null))
            .ToList();
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<CheckInEnvelope, EnvelopeCheckedIn>>().HandleAsync(new CheckInEnvelope(2023, unitId, application, items, office)));
    }

    private async Task<int> GrantAsync(Guid unitId, string reason, DateTimeOffset? until)
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GrantPaperException, int>>().HandleAsync(new GrantPaperException(2023, unitId, reason, until, office)));
    }

    private async Task<DeliveryReceiptView> ReceiptAsync(Guid unitId, string userName)
    {
        var actor = await ActorAsync(userName);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetDeliveryReceipt, DeliveryReceiptView>>().HandleAsync(new GetDeliveryReceipt(2023, unitId, actor)));
    }

    private async Task<string> LabelCodeAsync(string applicant) => await DocumentAsync(applicant, DocumentKind.EnvelopeLabel);

    private async Task<string> DocumentAsync(string applicant, DocumentKind kind)
    {
        var auditor = await ActorAsync(applicant == "applicant3" ? "auditor2" : "auditor1");
        var document = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetDocument, DocumentView>>().HandleAsync(new GetDocument(_applications[applicant], kind, auditor)));
        return document.VerificationCode;
    }

    private Task<VerificationResult> VerifyAsync(string code) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<VerifyDocument, VerificationResult>>().HandleAsync(new VerifyDocument(code)));

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
