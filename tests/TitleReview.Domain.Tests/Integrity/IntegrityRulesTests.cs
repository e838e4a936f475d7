using TitleReview.Domain.Integrity;
using TitleReview.Domain.Tests.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Tests.Integrity;

/// <summary>The integrity record's ban and the units' negative list, by their named rules.</summary>
public class IntegrityRulesTests
{
    private const string Contact = "省政工职评办（0851-85893109）";

    /// <summary>2024-12-20 10:00 Beijing time.</summary>
    private static readonly DateTimeOffset Now = BeijingTime.FromBeijing(new DateTime(2024, 12, 20, 10, 0, 0));

    [Test]
    public void Ban_UpToAndOnItsLastDay_BreaksNoRegisteringOrApplyingWhileBanned_NamingTheDayAndWhomToContact()
    {
        var lastDay = new DateOnly(2027, 12, 19);

        var onLastDay = new NoRegisteringOrApplyingWhileBannedRule(lastDay, lastDay, Contact);
        var before = new NoRegisteringOrApplyingWhileBannedRule(lastDay, new DateOnly(2025, 1, 1), Contact);

        onLastDay.IsBroken().Should().BeTrue();
        before.IsBroken().Should().BeTrue();
        onLastDay.Message.Should().Be("该身份证号因诚信问题被限制申报至 2027年12月19日；如有疑问请联系省政工职评办（0851-85893109）。");
    }

    [Test]
    public void Ban_TheDayAfterItsLastDay_OrNoBan_BreaksNothing()
    {
        new NoRegisteringOrApplyingWhileBannedRule(new DateOnly(2027, 12, 19), new DateOnly(2027, 12, 20), Contact).IsBroken().Should().BeFalse();
        new NoRegisteringOrApplyingWhileBannedRule(null, new DateOnly(2027, 12, 20), Contact).IsBroken().Should().BeFalse();
    }

    [Test]
    public void Record_WithTheDefaultBan_BansForThreeFullYears_AndNotTheDayAfter()
    {
        var today = BeijingTime.DateOf(Now);
        var entry = IntegrityRecordEntry.Record("52010119850315123x", " 测试人 ", null, null, null, " 学术不端 ", IntegrityRecordEntry.DefaultBanEnd(today), Now, "office-1", "陈静");

        entry.IdNumber.Should().Be("52010119850315123X");
        entry.PersonName.Should().Be("测试人");
        entry.Finding.Should().Be("学术不端");
        entry.BannedUntil.Should().Be(new DateOnly(2027, 12, 19));
        entry.BansOn(new DateOnly(2027, 12, 19)).Should().BeTrue();
        entry.BansOn(new DateOnly(2027, 12, 20)).Should().BeFalse();
    }

    [Test]
    public void Record_WithoutAFinding_BreaksIntegrityFindingIsStated()
    {
        var broken = RuleAssert.Breaks<IntegrityFindingIsStatedRule>(() => IntegrityRecordEntry.Record("52010119850315123X", "测试人", null, null, null, " ", null, Now, "office-1", "陈静"));

        broken.Message.Should().Be("请填写诚信问题的具体情况。");
    }

    [Test]
    public void Record_WithABanEndingToday_BreaksBanEndsAfterTheFinding()
    {
        var broken = RuleAssert.Breaks<BanEndsAfterTheFindingRule>(() =>
            IntegrityRecordEntry.Record("52010119850315123X", "测试人", null, null, null, "学术不端", new DateOnly(2024, 12, 20), Now, "office-1", "陈静"));

        broken.Message.Should().Be("限制申报的截止日期应晚于今天（2024年12月20日）。");
    }

    [Test]
    public void Put_WithoutAReason_BreaksNegativeListReasonRequired()
    {
        var broken = RuleAssert.Breaks<NegativeListReasonRequiredRule>(() => Put(reason: "  "));

        broken.Message.Should().Be("请填写列入诚信负面清单的原因。");
    }

    [Test]
    public void Put_WithoutACorrectiveAction_BreaksNegativeListCorrectiveActionRequired()
    {
        RuleAssert.Breaks<NegativeListCorrectiveActionRequiredRule>(() => Put(action: null));
    }

    [TestCase(2024, 1, 1)]
    [TestCase(2023, 12, 31)]
    public void Put_WithAPeriodEndingOnOrBeforeItsStart_BreaksNegativeListPeriodEndsAfterStart(int year, int month, int day)
    {
        var broken = RuleAssert.Breaks<NegativeListPeriodEndsAfterStartRule>(() => Put(to: new DateOnly(year, month, day)));

        broken.Message.Should().Be("列入期限的结束日期应晚于开始日期（2024年1月1日）。");
    }

    [Test]
    public void Put_IsInForceOverItsPeriodOnly()
    {
        var entry = Put();

        entry.InForceOn(new DateOnly(2023, 12, 31)).Should().BeFalse();
        entry.InForceOn(new DateOnly(2024, 1, 1)).Should().BeTrue();
        entry.InForceOn(new DateOnly(2024, 12, 31)).Should().BeTrue();
        entry.InForceOn(new DateOnly(2025, 1, 1)).Should().BeFalse();
    }

    [Test]
    public void EndEarly_EndsItFromToday_AndTwice_BreaksNegativeListEndsEarlyOnlyWhileNotOver()
    {
        var entry = Put(to: new DateOnly(2025, 12, 31));

        entry.EndEarly("整改已完成", Now, "陈静");

        entry.EndedOn.Should().Be(new DateOnly(2024, 12, 20));
        entry.LastDay.Should().Be(new DateOnly(2024, 12, 19));
        entry.InForceOn(new DateOnly(2024, 12, 20)).Should().BeFalse();
        RuleAssert.Breaks<NegativeListEndsEarlyOnlyWhileNotOverRule>(() => entry.EndEarly("再次", Now, "陈静"));
    }

    [Test]
    public void EndEarly_WithoutANote_BreaksNegativeListEarlyEndHasANote()
    {
        var entry = Put(to: new DateOnly(2025, 12, 31));

        RuleAssert.Breaks<NegativeListEarlyEndHasANoteRule>(() => entry.EndEarly(" ", Now, "陈静"));
        entry.EndedOn.Should().BeNull();
    }

    [Test]
    public void Publish_ShowsItUntilTheDayGiven_AndNotShorterThanItsPeriod()
    {
        var entry = Put();
        entry.ShownPubliclyOn(new DateOnly(2024, 6, 1)).Should().BeFalse("not published");

        RuleAssert.Breaks<NegativeListPublishedAtLeastForItsPeriodRule>(() => entry.Publish(new DateOnly(2024, 12, 30), Now));
        entry.Publish(new DateOnly(2027, 12, 31), Now);

        entry.ShownPubliclyOn(new DateOnly(2026, 11, 29)).Should().BeTrue();
        entry.ShownPubliclyOn(new DateOnly(2028, 1, 1)).Should().BeFalse();
    }

    private static NegativeListEntry Put(string? reason = "审核把关不严，为不符合条件人员出具虚假证明", string? action = "全面自查并提交整改报告", DateOnly? to = null) =>
        NegativeListEntry.Put(Guid.NewGuid(), "示范单位", reason, action, new DateOnly(2024, 1, 1), to ?? new DateOnly(2024, 12, 31), Now, "office-1", "陈静");
}
