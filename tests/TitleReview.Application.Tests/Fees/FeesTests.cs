using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using TitleReview.Application.Applications.Intake;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Campaigns.UpdateLevelRule;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Fees;
using TitleReview.Application.Fees.GetReconciliation;
using TitleReview.Application.Fees.GetUnitPayment;
using TitleReview.Application.Fees.ImportStatement;
using TitleReview.Application.Fees.Reconcile;
using TitleReview.Application.Fees.RecordTransfer;
using TitleReview.Application.Files;
using TitleReview.Application.Home.GetIntakeOverview;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Common;
using TitleReview.Domain.Fees;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Fees;

/// <summary>
/// The review fee from the office's fees to the unit's transfer, the reconciliation and the clock:
/// 黔南能源 submits an intermediate (李华) and a senior (张丽) applicant, 省交通运输 one intermediate (赵强).
/// </summary>
public class FeesTests : WorkflowTestBase
{
    private const decimal IntermediateFee = 300m;
    private const decimal SeniorFee = 500m;
    private const decimal QiannanDue = IntermediateFee + SeniorFee;

    private Guid _li;
    private Guid _zhang;
    private Guid _zhao;

    [SetUp]
    public async Task ThreeApplicantsSubmittedToTheOfficeAsync()
    {
        await SetFeeAsync(TitleLevel.Intermediate, IntermediateFee);
        await SetFeeAsync(TitleLevel.Senior, SeniorFee);
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        var li = _li = await ApprovedAsync("applicant1", "auditor1", TitleLevel.Intermediate);
        var zhang = _zhang = await ApprovedAsync("applicant2", "auditor1", TitleLevel.Senior);
        var zhao = _zhao = await ApprovedAsync("applicant3", "auditor2", TitleLevel.Intermediate);

        Clock.SetUtcNow(Beijing(2023, 8, 14, 9, 0, 0));
        await PublicityAsync("auditor1", li, zhang);
        await PublicityAsync("auditor2", zhao);
        Clock.SetUtcNow(Beijing(2023, 8, 21, 9, 0, 0));
        await PassAndSubmitAsync("auditor1", li);
        await PassAndSubmitAsync("auditor1", zhang);
        await PassAndSubmitAsync("auditor2", zhao);
    }

    [Test]
    public async Task SubmitToOffice_ForEachApplicantOfAUnit_StartsOnePaymentOwingTheFeeOfEachLevel()
    {
        var overview = await OverviewAsync();

        overview.Should().HaveCount(2);
        var qiannan = overview.Single(s => s.UnitId == DemoAccounts.QiannanEnergy.Id);
        qiannan.Should().BeEquivalentTo(new { Applicants = 2, AmountDue = QiannanDue, AmountReceived = 0m, Status = "未缴费", Outstanding = true, Overdue = false });
        overview.Single(s => s.UnitId == DemoAccounts.ProvincialTransport.Id).AmountDue.Should().Be(IntermediateFee);
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowInstances.CountAsync(i => i.SubjectType == WorkflowSubjectTypes.UnitPayment))).Should().Be(2);

        var view = await UnitViewAsync("auditor1");
        view.Due.Lines.Should().Equal(new AmountDueLine(TitleLevel.Intermediate, 1, IntermediateFee), new AmountDueLine(TitleLevel.Senior, 1, SeniorFee));
    }

    [Test]
    public async Task AmountDue_WhenALevelsFeeIsUnset_IsUnknownRatherThanAWrongNumber()
    {
        await SetFeeAsync(TitleLevel.Senior, null);

        var qiannan = (await OverviewAsync()).Single(s => s.UnitId == DemoAccounts.QiannanEnergy.Id);

        qiannan.AmountDue.Should().BeNull();
        qiannan.LevelsWithoutFee.Should().Equal(TitleLevel.Senior);
    }

    [Test]
    public async Task UpdateLevelRule_WithAFeeOfThreeDecimals_IsRefusedOnItsFieldAndChangesNothing()
    {
        var act = () => SetFeeAsync(TitleLevel.Senior, 500.005m);

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["reviewFee"].Single().Should().Contain("两位小数");
        (await OverviewAsync()).Single(s => s.UnitId == DemoAccounts.QiannanEnergy.Id).AmountDue.Should().Be(QiannanDue);
    }

    [Test]
    public async Task Timeline_ExportedAndCopied_CarriesTheFees_AndAFileWithAnUnknownLevelIsRefused()
    {
        var json = await InScopeAsync(sp => sp.GetRequiredService<IHandler<TitleReview.Application.Campaigns.ExportTimeline.ExportTimeline, string>>().HandleAsync(new(2023)));
        var exported = TitleReview.Application.Campaigns.TimelineDocument.Parse(json);
        exported.ReadReviewFees().Should().Equal(new Dictionary<TitleLevel, decimal> { [TitleLevel.Intermediate] = IntermediateFee, [TitleLevel.Senior] = SeniorFee });

        var office = await ActorAsync("office");
        var copied = await InScopeAsync(sp => sp.GetRequiredService<IHandler<TitleReview.Application.Campaigns.CopyCampaign.CopyCampaign, Guid>>().HandleAsync(new(2023, 2024, office)));
        var fees = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Campaigns.AsNoTracking().Include(c => c.Rules).SingleAsync(c => c.Id == copied));
        fees.ReviewFees()[TitleLevel.Senior].Should().Be(SeniorFee);
        fees.ReviewFees()[TitleLevel.Assistant].Should().BeNull();

        exported.ReviewFees = new Dictionary<string, decimal> { ["Expert"] = 100m, ["Senior"] = 0m };
        var bad = () => exported.ReadReviewFees();
        bad.Should().Throw<ValidationException>().Which.Errors.Keys.Should().BeEquivalentTo("reviewFees.Expert", "reviewFees.Senior");
    }

    [Test]
    public async Task RecordTransfer_InTheWindow_KeepsTheVoucherForTheUnitAndTheOfficeOnly()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 12, 10, 0, 0));

        var recorded = await RecordAsync("auditor1", QiannanDue, "王敏");

        var view = await UnitViewAsync("auditor1");
        view.Status.Should().Be("已登记转账，待对账");
        view.Transfers.Should().ContainSingle().Which.Should().BeEquivalentTo(new { PayerAccountName = "王敏", Amount = QiannanDue, VoucherName = "凭证.pdf" });
        view.MayRecord.Should().BeTrue("a further transfer may still be recorded");
        await using (var opened = (await OpenVoucherAsync(recorded.TransferId, "office")).Content)
        {
            opened.Length.Should().BeGreaterThan(0);
        }

        await ((Func<Task>)(() => OpenVoucherAsync(recorded.TransferId, "auditor2"))).Should().ThrowAsync<NotFoundException>();
        await ((Func<Task>)(() => OpenVoucherAsync(recorded.TransferId, "applicant1"))).Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task RecordTransfer_OutsideTheWindow_IsRefusedClearlyAndStoresNothing()
    {
        var storedBefore = StoredFiles().Count();
        Clock.SetUtcNow(Beijing(2023, 9, 10, 23, 59, 59));
        var early = () => RecordAsync("auditor1", QiannanDue, "王敏", paidOn: new DateOnly(2023, 9, 10));
        (await early.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("尚未开始");

        Clock.SetUtcNow(Beijing(2023, 9, 16, 0, 0, 0));
        var late = () => RecordAsync("auditor1", QiannanDue, "王敏");
        (await late.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("截止");

        (await UnitViewAsync("auditor1")).Transfers.Should().BeEmpty();
        StoredFiles().Should().HaveCount(storedBefore);
    }

    [Test]
    public async Task RecordTransfer_WithBadInput_GivesFieldMessagesAndStoresNothing()
    {
        var storedBefore = StoredFiles().Count();
        Clock.SetUtcNow(Beijing(2023, 9, 12, 10, 0, 0));

        var bad = () => RecordAsync("auditor1", 0.001m, " ", paidOn: new DateOnly(2023, 9, 13));
        var errors = (await bad.Should().ThrowAsync<ValidationException>()).Which.Errors;
        errors.Keys.Should().BeEquivalentTo("amount", "payerAccountName", "paidOn");

        var notAScan = () => RecordAsync("auditor1", QiannanDue, "王敏", voucher: Encoding.UTF8.GetBytes("MZ not a scan"), voucherName: "凭证.pdf");
        (await notAScan.Should().ThrowAsync<UploadRejectedException>()).Which.Reason.Should().Be(UploadRejectionReason.UnsupportedType);

        var tooLarge = () => RecordAsync("auditor1", QiannanDue, "王敏", declaredLength: UploadOptions.DefaultMaxFileBytes + 1);
        await tooLarge.Should().ThrowAsync<UploadRejectedException>();

        (await UnitViewAsync("auditor1")).Transfers.Should().BeEmpty();
        StoredFiles().Should().HaveCount(storedBefore, "a refused voucher is never kept");
    }

    [Test]
    public async Task Reconcile_OneByOne_ShortThenToppedUpThenPaid_JournalsEachStep()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 12, 10, 0, 0));
        await RecordAsync("auditor1", 600m, "王敏");
        var payment = await PaymentIdAsync(DemoAccounts.QiannanEnergy.Id);

        var noNote = () => ReconcileAsync(payment, PaymentOutcome.Short, 600m, null);
        (await noNote.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().Equal("note");

        await ReconcileAsync(payment, PaymentOutcome.Short, 600m, "少缴 200 元，请于 9 月 15 日前补缴。");
        (await UnitViewAsync("auditor1")).Should().BeEquivalentTo(new { Status = "少缴，待补缴", MayRecord = true, AmountReceived = 600m });

        await RecordAsync("auditor1", 200m, "王敏");
        await ReconcileAsync(payment, PaymentOutcome.Paid, QiannanDue, null);

        var summary = (await OverviewAsync()).Single(s => s.UnitPaymentId == payment);
        summary.Should().BeEquivalentTo(new { Status = "已缴清", AmountReceived = QiannanDue, Settled = true, Outstanding = false, Finished = true });
        var journal = await JournalAsync(await PaymentInstanceAsync(payment));
        journal.Select(j => j.ToState).Should().Equal("Unpaid", "TransferRecorded", "Short", "TransferRecorded", "Paid");
        journal[2].Reason.Should().Contain("少缴 200 元");
    }

    [Test]
    public async Task ImportStatement_AnXlsxWithTheUnitsTransfer_MarksItPaid_AndTheSameStatementAgainChangesNothing()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 12, 10, 0, 0));
        await RecordAsync("auditor1", QiannanDue, "王敏");
        Clock.SetUtcNow(Beijing(2023, 9, 14, 10, 0, 0));
        var xlsx = Xlsx(
            ("2023-09-12", "王敏", QiannanDue, "政工系列评审费"),
            ("2023-09-12", "某某公司", 50m, "货款"));

        var first = await ImportAsync(xlsx, "流水.xlsx");

        first.Should().Be(new StatementImported(Rows: 2, AlreadyImported: 0, Matched: 1, Pending: 1));
        var payment = await PaymentIdAsync(DemoAccounts.QiannanEnergy.Id);
        var journal = await JournalAsync(await PaymentInstanceAsync(payment));
        journal.Last().ToState.Should().Be("Paid");
        journal.Last().Reason.Should().Contain("导入银行流水第 2 行");

        var again = await ImportAsync(xlsx, "流水-再次导出.xlsx");

        again.Should().Be(new StatementImported(Rows: 2, AlreadyImported: 2, Matched: 0, Pending: 0));
        (await OverviewAsync()).Single(s => s.UnitPaymentId == payment).AmountReceived.Should().Be(QiannanDue, "the same money is never counted twice");
        (await JournalAsync(await PaymentInstanceAsync(payment))).Should().HaveCount(journal.Count);
        (await ReconciliationAsync()).Pending.Should().ContainSingle().Which.Payer.Should().Be("某某公司");
    }

    [Test]
    public async Task ImportStatement_ACsvRowNoUnitRecorded_IsListed_AndTheOfficeAssignsItOnce()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 14, 10, 0, 0));
        var csv = Encoding.UTF8.GetBytes($"\uFEFF交易日期,对方户名,交易金额,附言\n2023/9/13,刘洋,{IntermediateFee},评审费\n");

        var imported = await ImportAsync(csv, "statement.csv");

        imported.Pending.Should().Be(1, "省交通运输 recorded no transfer, so the row is left for the office");
        var row = (await ReconciliationAsync()).Pending.Single();
        row.Should().BeEquivalentTo(new { LineNumber = 2, Payer = "刘洋", Amount = IntermediateFee, Date = new DateOnly(2023, 9, 13) });
        var transport = await PaymentIdAsync(DemoAccounts.ProvincialTransport.Id);

        await DecideAsync(row.Id, StatementRowChoice.AssignToUnit, transport, "审核人个人账户代缴");
        var twice = () => DecideAsync(row.Id, StatementRowChoice.AssignToUnit, transport, null);

        await twice.Should().ThrowAsync<BusinessRuleViolationException>().WithMessage("*已处理过*");
        (await OverviewAsync()).Single(s => s.UnitPaymentId == transport).Should().BeEquivalentTo(new { Status = "已缴清", AmountReceived = IntermediateFee });
    }

    [Test]
    public async Task ImportStatement_OfACsvInGb18030_AsChineseBanksExportIt_ReadsItsChineseColumns()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 14, 10, 0, 0));
        var gb18030 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        var csv = gb18030.GetBytes($"交易日期,对方户名,交易金额,附言\n2023/9/13,刘洋,{IntermediateFee},评审费\n");

        var imported = await ImportAsync(csv, "流水.csv");

        imported.Rows.Should().Be(1);
        (await ReconciliationAsync()).Pending.Single().Payer.Should().Be("刘洋");
    }

    [Test]
    public async Task ImportStatement_WithBadRowsOrColumns_NamesThemAndImportsNothing()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 14, 10, 0, 0));
        var badRows = Encoding.UTF8.GetBytes("交易日期,付款人,金额,摘要\n2023-09-12,王敏,800,评审费\n2023-13-40,刘洋,abc,评审费\n");
        var badColumns = Encoding.UTF8.GetBytes("日期,名称,备注\n2023-09-12,王敏,评审费\n");

        var rows = () => ImportAsync(badRows, "流水.csv");
        var messages = (await rows.Should().ThrowAsync<ValidationException>()).Which.Errors["file"];
        messages.Should().ContainSingle().Which.Should().Contain("第 3 行").And.Contain("交易日期“2023-13-40”").And.Contain("金额“abc”");

        var columns = () => ImportAsync(badColumns, "流水.csv");
        (await columns.Should().ThrowAsync<ValidationException>()).Which.Errors["file"].Single().Should().Contain("缺少列：付款人、金额");

        var notASheet = () => ImportAsync(Encoding.UTF8.GetBytes("not a zip"), "流水.xlsx");
        (await notASheet.Should().ThrowAsync<ValidationException>()).Which.Errors["file"].Single().Should().Contain("无法按Excel");

        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().StatementRows.CountAsync())).Should().Be(0);
    }

    [Test]
    public async Task Clock_AtThePaymentClose_MarksAUnitThatRecordedNothingOverdue_AndARerunChangesNothing()
    {
        // Both units delivered their paper, so their applicants stay owed for; 省交通运输 never pays.
        Clock.SetUtcNow(Beijing(2023, 9, 5, 10, 0, 0));
        await DeliverPaperAsync(DemoAccounts.QiannanEnergy.Id, _li, _zhang);
        await DeliverPaperAsync(DemoAccounts.ProvincialTransport.Id, _zhao);
        Clock.SetUtcNow(Beijing(2023, 9, 12, 10, 0, 0));
        await RecordAsync("auditor1", QiannanDue, "王敏");
        (await Payments().UnpaidAfterCloseAsync(2023)).Should().BeEmpty("the window is still open");

        Clock.SetUtcNow(Beijing(2023, 9, 16, 0, 0, 1));
        await RunClockAsync();
        var transport = await PaymentInstanceAsync(await PaymentIdAsync(DemoAccounts.ProvincialTransport.Id));
        var journal = await JournalAsync(transport);
        await RunClockAsync();

        journal.Last().Should().BeEquivalentTo(new { ToState = "Overdue", Actor = WorkflowActor.ClockId });
        (await JournalAsync(transport)).Should().HaveCount(journal.Count);
        (await InstanceAsync(await PaymentInstanceAsync(await PaymentIdAsync(DemoAccounts.QiannanEnergy.Id)))).State.Should().Be("TransferRecorded", "the unit recorded its transfer and waits for the office");
        (await Payments().UnpaidAfterCloseAsync(2023)).Should().Equal(new Dictionary<Guid, string> { [DemoAccounts.ProvincialTransport.Id] = "逾期未缴费" });
        (await ReconciliationAsync()).Unpaid.Select(u => u.Summary.UnitName).Should().Equal(DemoAccounts.ProvincialTransport.Name);
        // The office's intake view flags the unit that still owes, and only it.
        var incoming = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetIntakeOverview, IntakeOverview>>().HandleAsync(new GetIntakeOverview(2023)));
        incoming.Units.Single(u => u.UnitId == DemoAccounts.ProvincialTransport.Id).UnpaidFee.Should().Be("逾期未缴费");
        incoming.Units.Single(u => u.UnitId == DemoAccounts.QiannanEnergy.Id).UnpaidFee.Should().BeNull();
    }

    [Test]
    public async Task Reconciliation_AfterThePaymentClose_DoesNotListAUnitWhosePaperNeverCame()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 5, 10, 0, 0));
        await DeliverPaperAsync(DemoAccounts.ProvincialTransport.Id, _zhao);

        // 黔南能源 never delivers: the clock ends its cases as not delivered at the delivery close.
        Clock.SetUtcNow(Beijing(2023, 9, 16, 0, 0, 1));
        await RunClockAsync();

        var overview = await OverviewAsync();
        overview.Single(s => s.UnitId == DemoAccounts.QiannanEnergy.Id).Should().BeEquivalentTo(new { Applicants = 0, AmountDue = 0m, Outstanding = false });
        (await ReconciliationAsync()).Unpaid.Select(u => u.Summary.UnitName).Should().Equal(DemoAccounts.ProvincialTransport.Name);
        (await Payments().UnpaidAfterCloseAsync(2023)).Keys.Should().Equal(DemoAccounts.ProvincialTransport.Id);
    }

    /// <summary>The office opens the unit's delivery and checks the envelope in complete.</summary>
    private async Task DeliverPaperAsync(Guid unitId, params Guid[] applicationIds)
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<OpenPaperDelivery, Guid>>().HandleAsync(new OpenPaperDelivery(2023, unitId, office)));
        foreach (var applicationId in applicationIds)
        {
            var counter = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetPaperCounter, PaperCounterView>>().HandleAsync(new GetPaperCounter(2023, null, unitId, applicationId, office)));
            var items = counter.Unit!.Person!.Items.Select(i => new ItemCheck(i.Number, ItemStatus.Received, null)).ToList();
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<CheckInEnvelope, EnvelopeCheckedIn>>().HandleAsync(new CheckInEnvelope(2023, unitId, applicationId, items, office)));
        }
    }

    private IUnitPayments Payments() => Services.CreateScope().ServiceProvider.GetRequiredService<IUnitPayments>();

    private Task<IReadOnlyList<UnitPaymentSummary>> OverviewAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<IUnitPayments>().OverviewAsync(CampaignId));

    private async Task SetFeeAsync(TitleLevel level, decimal? fee)
    {
        var office = await ActorAsync("office");
        var rule = LevelRule.DefaultFor(level);
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<UpdateLevelRule, LevelRule>>().HandleAsync(
            new UpdateLevelRule(CampaignId, level, rule.HoursPerYear, rule.EducationYears, rule.RequiredWordCount, rule.RequiredPapers, rule.MinYearsInCurrentTitle, office) { ReviewFee = fee }));
    }

    private async Task<Guid> ApprovedAsync(string applicant, string auditor, TitleLevel level)
    {
        var instance = await StartApplicationAsync(applicant, level);
        await FireAsync(instance, "submit", applicant);
        await FireAsync(instance, "approve", auditor);
        return (await InstanceAsync(instance)).SubjectId;
    }

    private async Task PublicityAsync(string auditor, params Guid[] applications)
    {
        var actor = await ActorAsync(auditor);
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity(applications, actor)));
    }

    private async Task PassAndSubmitAsync(string auditor, Guid application)
    {
        var actor = await ActorAsync(auditor);
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<RecordUnitPublicity, FireResult>>().HandleAsync(new RecordUnitPublicity(application, PublicityOutcome.NoObjection, null, actor)));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<SubmitToOffice, int>>().HandleAsync(new SubmitToOffice([application], actor)));
    }

    private async Task<TransferRecorded> RecordAsync(string auditor, decimal amount, string payer, DateOnly? paidOn = null, byte[]? voucher = null, string voucherName = "凭证.pdf", long? declaredLength = null)
    {
        var actor = await ActorAsync(auditor);
        using var content = new MemoryStream(voucher ?? DossierFiller.Pdf($"voucher {auditor} {amount} {Guid.NewGuid()}"));
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<RecordTransfer, TransferRecorded>>().HandleAsync(
            new RecordTransfer(CampaignId, paidOn ?? new DateOnly(2023, 9, 12), payer, amount, "政工系列评审费", content, voucherName, declaredLength ?? content.Length, actor)));
    }

    private async Task<UnitPaymentView> UnitViewAsync(string auditor)
    {
        var actor = await ActorAsync(auditor);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetUnitPayment, UnitPaymentView>>().HandleAsync(new GetUnitPayment(actor)));
    }

    private async Task<ReconciliationView> ReconciliationAsync()
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetReconciliation, ReconciliationView>>().HandleAsync(new GetReconciliation(office)));
    }

    private async Task<OpenedVoucher> OpenVoucherAsync(Guid transferId, string userName)
    {
        var actor = await ActorAsync(userName);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<OpenVoucher, OpenedVoucher>>().HandleAsync(new OpenVoucher(transferId, actor)));
    }

    private async Task ReconcileAsync(Guid payment, PaymentOutcome outcome, decimal received, string? note)
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<ReconcilePayment, FireResult>>().HandleAsync(new ReconcilePayment(payment, outcome, received, note, null, office)));
    }

    private async Task<StatementImported> ImportAsync(byte[] content, string fileName)
    {
        var office = await ActorAsync("office");
        using var stream = new MemoryStream(content);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<ImportStatement, StatementImported>>().HandleAsync(new ImportStatement(CampaignId, stream, fileName, office)));
    }

    private async Task DecideAsync(Guid row, StatementRowChoice choice, Guid? payment, string? note)
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<DecideStatementRow, StatementRowDecision>>().HandleAsync(new DecideStatementRow(row, choice, payment, note, office)));
    }

    private Task<Guid> PaymentIdAsync(Guid unitId) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().UnitPayments.Where(p => p.UnitId == unitId).Select(p => p.Id).SingleAsync());

    private Task<Guid> PaymentInstanceAsync(Guid paymentId) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowInstances.Where(i => i.SubjectId == paymentId).Select(i => i.Id).SingleAsync());

    private IEnumerable<string> StoredFiles()
    {
        var uploads = Path.Combine(Services.GetRequiredService<TitleReview.Infrastructure.Hosting.StoragePaths>().DataFolder, "uploads");
        return Directory.Exists(uploads) ? Directory.EnumerateFiles(uploads, "*", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.tmp{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) : [];
    }

    /// <summary>A bank statement as a bank exports it, written with MiniExcel: Chinese headers, a date column and an amount column.</summary>
    private static byte[] Xlsx(params (string Date, string Payer, decimal Amount, string Remark)[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => new Dictionary<string, object>
        {
            ["交易日期"] = DateTime.Parse(r.Date, System.Globalization.CultureInfo.InvariantCulture),
            ["付款人"] = r.Payer,
            ["金额"] = r.Amount,
            ["摘要"] = r.Remark,
        }));
        return stream.ToArray();
    }
}
