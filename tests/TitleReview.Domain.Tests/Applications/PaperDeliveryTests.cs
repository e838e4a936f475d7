using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Tests.Applications;

public class PaperDeliveryTests
{
    // The 2023 window: Sep 4–8, Beijing time.
    private static readonly DeliveryWindow Window = new("报送纸质申报材料", new(2023, 9, 4, 0, 0, 0, TimeSpan.FromHours(8)), new(2023, 9, 9, 0, 0, 0, TimeSpan.FromHours(8)));
    private static readonly DateTimeOffset During = new(2023, 9, 5, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset After = new(2023, 9, 11, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Campaign = Guid.NewGuid();
    private static readonly Guid Unit = Guid.NewGuid();
    private static readonly IReadOnlyList<int> Checklist = [2, 3, 4, 6];

    [Test]
    public void Open_ForAUnitWithSubmittedApplications_InTheWindow_ExpectsItsEnvelopes()
    {
        var delivery = Open(During);

        delivery.UnitId.Should().Be(Unit);
        delivery.CampaignId.Should().Be(Campaign);
        delivery.Envelopes.Should().BeEmpty();
    }

    [Test]
    public void OnlyAUnitDeliversRule_WithoutAUnit_IsBroken()
    {
        new OnlyAUnitDeliversRule(null).IsBroken().Should().BeTrue();
        new OnlyAUnitDeliversRule(Guid.Empty).IsBroken().Should().BeTrue();
        new OnlyAUnitDeliversRule(Unit).IsBroken().Should().BeFalse();

        var individual = () => PaperDelivery.Open(Campaign, null, 1, Window, null, During, "office-id", "陈静");
        individual.Should().Throw<BusinessRuleViolationException>().WithMessage("纸质材料须由单位统一报送，不接收个人报送。");
    }

    [Test]
    public void DeliveryExpectsSubmittedApplicationsRule_WithNone_IsBroken()
    {
        var nothingSubmitted = () => PaperDelivery.Open(Campaign, Unit, 0, Window, null, During, "office-id", "陈静");

        nothingSubmitted.Should().Throw<BusinessRuleViolationException>().WithMessage("*没有报送*");
    }

    [Test]
    public void CheckInNeedsTheWindowOrAnExceptionRule_BeforeOrAfterTheWindow_IsBroken_UnlessAnExceptionRuns()
    {
        new CheckInNeedsTheWindowOrAnExceptionRule(Window, null, During).IsBroken().Should().BeFalse();
        new CheckInNeedsTheWindowOrAnExceptionRule(Window, null, Window.OpensAt.AddSeconds(-1)).IsBroken().Should().BeTrue();
        new CheckInNeedsTheWindowOrAnExceptionRule(Window, null, Window.ClosesAt).IsBroken().Should().BeTrue();
        new CheckInNeedsTheWindowOrAnExceptionRule(Window, After.AddDays(1), After).IsBroken().Should().BeFalse();
        new CheckInNeedsTheWindowOrAnExceptionRule(Window, After, After).IsBroken().Should().BeTrue("the exception has ended");

        var delivery = Open(During);
        var late = () => delivery.CheckIn(Envelope(), AllReceived(), Checklist, Window, null, After, "office-id", "陈静");
        late.Should().Throw<BusinessRuleViolationException>().WithMessage("*已于 2023-09-08 23:59:59 截止，逾期不再接收*");
        delivery.CheckIn(Envelope(), AllReceived(), Checklist, Window, After.AddDays(1), After, "office-id", "陈静").IsComplete.Should().BeTrue();
    }

    [Test]
    public void EnvelopeBelongsToTheDeliveryRule_OfAnotherUnitOrCampaign_IsBroken_NamingWhose()
    {
        var delivery = Open(During);
        var otherUnit = Envelope() with { UnitId = Guid.NewGuid(), UnitName = "贵州省示范交通投资集团有限公司", ApplicantName = "赵强" };
        var otherYear = Envelope() with { CampaignId = Guid.NewGuid(), Year = 2022 };

        var fromOtherUnit = () => delivery.CheckIn(otherUnit, AllReceived(), Checklist, Window, null, During, "office-id", "陈静");
        var fromOtherYear = () => delivery.CheckIn(otherYear, AllReceived(), Checklist, Window, null, During, "office-id", "陈静");

        fromOtherUnit.Should().Throw<BusinessRuleViolationException>().WithMessage("该档案袋属于贵州省示范交通投资集团有限公司（赵强），不是本单位的材料，请交由该单位报送。");
        fromOtherYear.Should().Throw<BusinessRuleViolationException>().WithMessage("该档案袋属于 2022 年度*");
        delivery.Envelopes.Should().BeEmpty();
    }

    [Test]
    public void EveryChecklistItemIsCheckedRule_WithAnItemLeftOutOrAdded_IsBroken()
    {
        new EveryChecklistItemIsCheckedRule(Checklist, AllReceived()).IsBroken().Should().BeFalse();
        new EveryChecklistItemIsCheckedRule(Checklist, AllReceived().Take(3).ToList()).IsBroken().Should().BeTrue();
        new EveryChecklistItemIsCheckedRule(Checklist, [.. AllReceived(), new CheckedItem(1, "委托评审函", ItemStatus.Received, null)]).IsBroken().Should().BeTrue();
        new EveryChecklistItemIsCheckedRule(Checklist, [.. AllReceived().Take(3), new CheckedItem(6, "照片", (ItemStatus)9, null)]).IsBroken().Should().BeTrue();
    }

    [Test]
    public void AMissingOrWrongItemCarriesANoteRule_AWrongItemWithoutANote_IsBroken()
    {
        List<CheckedItem> wrongWithoutNote = [.. AllReceived().Take(3), new CheckedItem(6, "一寸免冠彩色近照", ItemStatus.Wrong, " ")];

        new AMissingOrWrongItemCarriesANoteRule(wrongWithoutNote).IsBroken().Should().BeTrue();
        new AMissingOrWrongItemCarriesANoteRule([.. AllReceived().Take(3), new CheckedItem(6, "一寸免冠彩色近照", ItemStatus.Wrong, "非彩色照片")]).IsBroken().Should().BeFalse();
    }

    [Test]
    public void CheckIn_Again_CorrectsTheEnvelope_AndMarksTheLatestCheckIn()
    {
        var delivery = Open(During);
        var first = delivery.CheckIn(Envelope(), [.. AllReceived().Take(3), new CheckedItem(6, "一寸免冠彩色近照", ItemStatus.Missing, "未附")], Checklist, Window, null, During, "office-id", "陈静");
        first.IsComplete.Should().BeFalse();
        first.Shortfall.Should().Be("一寸免冠彩色近照：缺（未附）");

        var later = During.AddHours(3);
        var second = delivery.CheckIn(Envelope(), AllReceived(), Checklist, Window, null, later, "office-id", "陈静");

        second.Should().BeSameAs(first);
        second.IsComplete.Should().BeTrue();
        second.Corrections.Should().Be(1);
        delivery.Envelopes.Should().ContainSingle();
        delivery.LastCheckInAt.Should().Be(later);
    }

    [Test]
    public void Receipt_IssuedBeforeALaterCheckIn_NoLongerCoversTheDelivery()
    {
        var delivery = Open(During);
        delivery.CheckIn(Envelope(), AllReceived(), Checklist, Window, null, During, "office-id", "陈静");
        var receipt = DeliveryReceipt.Issue(delivery, 2, "2023-HZ-00001", During.AddMinutes(1));
        receipt.Covers(delivery).Should().BeTrue();
        (receipt.Expected, receipt.Received, receipt.Incomplete).Should().Be((2, 1, 0));

        delivery.CheckIn(Envelope() with { ApplicationId = Guid.NewGuid(), ApplicantName = "张丽" }, AllReceived(), Checklist, Window, null, During.AddMinutes(5), "office-id", "陈静");

        receipt.Covers(delivery).Should().BeFalse();
    }

    [Test]
    public void ExceptionRules_DuringTheWindow_OrEndingBeforeNow_AreBroken()
    {
        new ExceptionOnlyAfterTheWindowClosedRule(Window, During).IsBroken().Should().BeTrue();
        new ExceptionOnlyAfterTheWindowClosedRule(Window, After).IsBroken().Should().BeFalse();
        new ExceptionEndsAfterNowRule(After, After).IsBroken().Should().BeTrue();

        var early = () => PaperDeliveryException.Grant(Campaign, Unit, "汛情", After, Window, During, "office-id", "陈静");
        early.Should().Throw<BusinessRuleViolationException>().WithMessage("*尚未截止*");
        var granted = PaperDeliveryException.Grant(Campaign, Unit, " 汛情 ", After.AddDays(1), Window, After, "office-id", "陈静");
        granted.Reason.Should().Be("汛情");
        granted.IsActiveAt(After).Should().BeTrue();
        granted.IsActiveAt(After.AddDays(1)).Should().BeFalse();
    }

    private static PaperDelivery Open(DateTimeOffset now) => PaperDelivery.Open(Campaign, Unit, 2, Window, null, now, "office-id", "陈静");

    private static ExpectedEnvelope Envelope() => new(Guid.Parse("00000000-0000-0000-0000-000000000001"), "李华", Campaign, 2023, Unit, "黔南能源集团有限公司");

    private static List<CheckedItem> AllReceived() =>
    [
        new(2, "单位公示结果", ItemStatus.Received, null),
        new(3, "诚信承诺书", ItemStatus.Received, null),
        new(4, "评审表", ItemStatus.Received, null),
        new(6, "一寸免冠彩色近照", ItemStatus.Received, null),
    ];
}
