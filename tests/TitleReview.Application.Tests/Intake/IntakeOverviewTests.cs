using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using TitleReview.Application.Applications.Intake;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Campaigns.UpdateLevelRule;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Application.Fees.Reconcile;
using TitleReview.Application.Fees.RecordTransfer;
using TitleReview.Application.Home.GetIntakeOverview;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Fees;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Intake;

/// <summary>
/// The office's view of the year's intake (issue 13, item 6) and its two sheets, over a 2023 where
/// 黔南 delivered (李华 complete, 张丽 without her photo) and paid, and 交通 brought 周婷's envelope but
/// not 赵强's, and never paid.
/// </summary>
public class IntakeOverviewTests : WorkflowTestBase
{
    private const decimal IntermediateFee = 300m;
    private const decimal SeniorFee = 500m;
    private const string PhotoItem = "一寸免冠彩色近照";

    private readonly Dictionary<string, Guid> _applications = [];

    [SetUp]
    public async Task ThreeSubmittedThenCheckedInAndPaidAsync()
    {
        await SetFeeAsync(TitleLevel.Intermediate, IntermediateFee);
        await SetFeeAsync(TitleLevel.Senior, SeniorFee);
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        foreach (var (applicant, auditor, level) in new[] { ("applicant1", "auditor1", TitleLevel.Intermediate), ("applicant2", "auditor1", TitleLevel.Senior), ("applicant3", "auditor2", TitleLevel.Intermediate), ("applicant4", "auditor2", TitleLevel.Intermediate) })
        {
            var instance = await StartApplicationAsync(applicant, level);
            await FireAsync(instance, "submit", applicant);
            await FireAsync(instance, "approve", auditor);
            _applications[applicant] = (await InstanceAsync(instance)).SubjectId;
        }

        Clock.SetUtcNow(Beijing(2023, 8, 14, 9, 0, 0));
        await AsAsync("auditor1", (sp, a) => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([_applications["applicant1"], _applications["applicant2"]], a)));
        await AsAsync("auditor2", (sp, a) => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([_applications["applicant3"], _applications["applicant4"]], a)));
        Clock.SetUtcNow(Beijing(2023, 8, 21, 9, 0, 0));
        foreach (var (applicant, auditor) in new[] { ("applicant1", "auditor1"), ("applicant2", "auditor1"), ("applicant3", "auditor2"), ("applicant4", "auditor2") })
        {
            await AsAsync(auditor, (sp, a) => sp.GetRequiredService<IHandler<RecordUnitPublicity, FireResult>>().HandleAsync(new RecordUnitPublicity(_applications[applicant], PublicityOutcome.NoObjection, null, a)));
            await AsAsync(auditor, (sp, a) => sp.GetRequiredService<IHandler<SubmitToOffice, int>>().HandleAsync(new SubmitToOffice([_applications[applicant]], a)));
        }

        Clock.SetUtcNow(Beijing(2023, 9, 5, 9, 0, 0));
        var qiannan = DemoAccounts.QiannanEnergy.Id;
        await AsAsync("office", (sp, a) => sp.GetRequiredService<IHandler<OpenPaperDelivery, Guid>>().HandleAsync(new OpenPaperDelivery(2023, qiannan, a)));
        await CheckInAsync(qiannan, "applicant1", missing: null);
        await CheckInAsync(qiannan, "applicant2", missing: PhotoItem);
        var transport = DemoAccounts.ProvincialTransport.Id;
        await AsAsync("office", (sp, a) => sp.GetRequiredService<IHandler<OpenPaperDelivery, Guid>>().HandleAsync(new OpenPaperDelivery(2023, transport, a)));
        await CheckInAsync(transport, "applicant4", missing: null);
        Clock.SetUtcNow(Beijing(2023, 9, 9, 0, 0, 1));
        await RunClockAsync();

        Clock.SetUtcNow(Beijing(2023, 9, 12, 10, 0, 0));
        using (var voucher = new MemoryStream(DossierFiller.Pdf("voucher 黔南 800")))
        {
            await AsAsync("auditor1", (sp, a) => sp.GetRequiredService<IHandler<RecordTransfer, TransferRecorded>>().HandleAsync(
                new RecordTransfer(CampaignId, new DateOnly(2023, 9, 12), "黔南能源集团有限公司", IntermediateFee + SeniorFee, "政工系列评审费", voucher, "凭证.pdf", voucher.Length, a)));
        }

        var payment = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().UnitPayments.Where(p => p.UnitId == qiannan).Select(p => p.Id).SingleAsync());
        await AsAsync("office", (sp, a) => sp.GetRequiredService<IHandler<ReconcilePayment, FireResult>>().HandleAsync(new ReconcilePayment(payment, PaymentOutcome.Paid, IntermediateFee + SeniorFee, null, null, a)));
        Clock.SetUtcNow(Beijing(2023, 9, 16, 0, 0, 1));
        await RunClockAsync();
    }

    [Test]
    public async Task Overview_PerUnit_CountsEnvelopesMissingItemsAndTheFee_AndTotalsThem()
    {
        var overview = await OverviewAsync(2023);

        overview.HasCampaign.Should().BeTrue();
        overview.Units.Select(u => u.UnitName).Should().BeEquivalentTo([DemoAccounts.QiannanEnergy.Name, DemoAccounts.ProvincialTransport.Name]);
        var qiannan = overview.Units.Single(u => u.UnitId == DemoAccounts.QiannanEnergy.Id);
        qiannan.Paper.Should().BeEquivalentTo(new { Submitted = 2, Awaiting = 0, Received = 1, Incomplete = 1, NotDelivered = 0, DeliveryOpen = true });
        qiannan.MissingItems.Should().Be(1);
        qiannan.Payment.Should().BeEquivalentTo(new { AmountDue = (decimal?)(IntermediateFee + SeniorFee), AmountReceived = IntermediateFee + SeniorFee, Status = "已缴清", Outstanding = false });
        qiannan.UnpaidFee.Should().BeNull();
        qiannan.People.Select(p => (p.Name, p.Status, p.MissingItems)).Should().Equal(("张丽", EnvelopeStatus.Incomplete, 1), ("李华", EnvelopeStatus.Received, 0));
        qiannan.People[0].Shortfall.Should().Be($"{PhotoItem}：缺（照片未附）");
        qiannan.People[1].Shortfall.Should().BeNull();

        var transport = overview.Units.Single(u => u.UnitId == DemoAccounts.ProvincialTransport.Id);
        transport.Paper.Should().BeEquivalentTo(new { Submitted = 2, Received = 1, Incomplete = 0, NotDelivered = 1, DeliveryOpen = true });
        transport.MissingItems.Should().Be(0);
        transport.Payment.Should().BeEquivalentTo(new { AmountDue = (decimal?)IntermediateFee, AmountReceived = 0m, Outstanding = true, Overdue = true }, "赵强's case ended undelivered, so only 周婷's fee is due");
        transport.UnpaidFee.Should().Be("逾期未缴费");
        transport.People.Select(p => (p.Name, p.Status)).Should().Equal(("周婷", EnvelopeStatus.Received), ("赵强", EnvelopeStatus.NotDelivered));

        overview.Totals.Should().Be(new IntakeTotals(
            Units: 2, Submitted: 4, Awaiting: 0, Received: 2, Incomplete: 1, NotDelivered: 1, MissingItems: 1,
            AmountDue: IntermediateFee + SeniorFee + IntermediateFee, UnitsWithoutFee: 0, AmountReceived: IntermediateFee + SeniorFee, UnitsOutstanding: 1));
    }

    [Test]
    public async Task Overview_WhenALevelHasNoFee_SaysSoRatherThanSummingAWrongAmount()
    {
        await SetFeeAsync(TitleLevel.Senior, null);

        var overview = await OverviewAsync(2023);

        var qiannan = overview.Units.Single(u => u.UnitId == DemoAccounts.QiannanEnergy.Id);
        qiannan.Payment!.AmountDue.Should().BeNull();
        qiannan.Payment!.LevelsWithoutFee.Should().Equal(TitleLevel.Senior);
        overview.Totals.AmountDue.Should().Be(IntermediateFee, "only 交通's amount is known");
        overview.Totals.UnitsWithoutFee.Should().Be(1);
    }

    [Test]
    public async Task Overview_OfAYearWithoutACampaign_IsEmptyAndSaysSo()
    {
        var overview = await OverviewAsync(2031);

        overview.HasCampaign.Should().BeFalse();
        overview.Units.Should().BeEmpty();
        overview.Totals.Submitted.Should().Be(0);
    }

    [Test]
    public async Task ExportByUnit_ReadBack_HasChineseHeadersAndOneRowPerUnit()
    {
        var rows = await ReadBackAsync(sp => sp.GetRequiredService<IHandler<ExportIntakeByUnit, Spreadsheet<UnitIntake>>>().HandleAsync(new ExportIntakeByUnit(2023)));

        rows.Select(r => r["单位"]).Should().Equal(DemoAccounts.ProvincialTransport.Name, DemoAccounts.QiannanEnergy.Name);
        rows[0].Keys.Should().Equal(
            "单位", "地区", "报送人数", "待接收", "已接收（齐全）", "材料不全", "缺少或有误的材料（项）", "未报送", "开始接收时间（北京时间）",
            "例外接收截止（北京时间）", "例外原因", "应缴金额（元）", "未设收费标准的级别", "实收金额（元）", "缴费状态");
        var transport = rows[0];
        Convert.ToInt32(transport["已接收（齐全）"]).Should().Be(1);
        Convert.ToInt32(transport["未报送"]).Should().Be(1);
        Convert.ToDecimal(transport["应缴金额（元）"]).Should().Be(IntermediateFee);
        Convert.ToDecimal(transport["实收金额（元）"]).Should().Be(0m);
        transport["缴费状态"].Should().Be("逾期未缴费");
        var qiannan = rows[1];
        Convert.ToInt32(qiannan["报送人数"]).Should().Be(2);
        Convert.ToInt32(qiannan["已接收（齐全）"]).Should().Be(1);
        Convert.ToInt32(qiannan["材料不全"]).Should().Be(1);
        Convert.ToInt32(qiannan["缺少或有误的材料（项）"]).Should().Be(1);
        qiannan["开始接收时间（北京时间）"].Should().Be(new DateTime(2023, 9, 5, 9, 0, 0), "opened at 9:00 Beijing time");
        Convert.ToDecimal(qiannan["应缴金额（元）"]).Should().Be(IntermediateFee + SeniorFee);
        qiannan["缴费状态"].Should().Be("已缴清");
    }

    [Test]
    public async Task ExportByPerson_ReadBack_NamesEachPersonsPaperStatusMissingItemsAndTheUnitsPayment()
    {
        var rows = await ReadBackAsync(sp => sp.GetRequiredService<IHandler<ExportIntakeByPerson, Spreadsheet<PersonIntakeRow>>>().HandleAsync(new ExportIntakeByPerson(2023)));

        rows.Select(r => r["申报人"]).Should().Equal("周婷", "赵强", "张丽", "李华");
        rows[0].Keys.Should().Equal("单位", "申报人", "申报资格", "状态", "纸质材料", "缺少或有误的材料（项）", "缺少或有误的材料", "单位缴费状态");
        var zhao = rows[1];
        zhao["单位"].Should().Be(DemoAccounts.ProvincialTransport.Name);
        zhao["纸质材料"].Should().Be("未报送（报送期已截止）");
        zhao["单位缴费状态"].Should().Be("逾期未缴费");
        var zhang = rows[2];
        zhang["申报资格"].Should().Be(TitleLevels.DisplayName(TitleLevel.Senior));
        zhang["纸质材料"].Should().Be("材料不全");
        Convert.ToInt32(zhang["缺少或有误的材料（项）"]).Should().Be(1);
        zhang["缺少或有误的材料"].Should().Be($"{PhotoItem}：缺（照片未附）");
        zhang["单位缴费状态"].Should().Be("已缴清");
        rows[3]["纸质材料"].Should().Be("已接收（齐全）");
        rows[3]["缺少或有误的材料"].Should().BeNull();
    }

    private Task<IntakeOverview> OverviewAsync(int year) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetIntakeOverview, IntakeOverview>>().HandleAsync(new GetIntakeOverview(year)));

    private async Task<List<IDictionary<string, object>>> ReadBackAsync<TRow>(Func<IServiceProvider, Task<Spreadsheet<TRow>>> export)
    {
        using var scope = Services.CreateScope();
        var sheet = await export(scope.ServiceProvider);
        using var file = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<ISpreadsheetWriter>().WriteAsync(file, sheet.Spec, sheet.Rows);
        file.Position = 0;
        return MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }

    private async Task AsAsync<T>(string userName, Func<IServiceProvider, WorkflowActor, Task<T>> action)
    {
        var actor = await ActorAsync(userName);
        await InScopeAsync(sp => action(sp, actor));
    }

    /// <summary>Ticks every item of the person's checklist received, except the one named (missing, with a note).</summary>
    private async Task CheckInAsync(Guid unitId, string applicant, string? missing)
    {
        var office = await ActorAsync("office");
        var application = _applications[applicant];
        var counter = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetPaperCounter, PaperCounterView>>().HandleAsync(new GetPaperCounter(2023, null, unitId, application, office)));
        var items = counter.Unit!.Person!.Items
            .Select(i => i.Name == missing ? new ItemCheck(i.Number, ItemStatus.Missing, "照片未附") : new ItemCheck(i.Number, ItemStatus.Received, null))
            .ToList();
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<CheckInEnvelope, EnvelopeCheckedIn>>().HandleAsync(new CheckInEnvelope(2023, unitId, application, items, office)));
    }

    private async Task SetFeeAsync(TitleLevel level, decimal? fee)
    {
        var office = await ActorAsync("office");
        var rule = LevelRule.DefaultFor(level);
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<UpdateLevelRule, LevelRule>>().HandleAsync(
            new UpdateLevelRule(CampaignId, level, rule.HoursPerYear, rule.EducationYears, rule.RequiredWordCount, rule.RequiredPapers, rule.MinYearsInCurrentTitle, office) { ReviewFee = fee }));
    }
}
