using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Tests.Applications;

/// <summary>The preliminary results' public publicity: its period on the working-day calendar and the rules of publishing it.</summary>
public class PublicPublicityTests
{
    // An invented 2030: a three-day holiday Wed 2 Oct – Fri 4 Oct 2030, made up on Sat 5 Oct.
    private static readonly WorkingDayCalendar Calendar = new(
    [
        CalendarYear.Create(
            2030,
            "test data",
            [new DateOnly(2030, 10, 2), new DateOnly(2030, 10, 3), new DateOnly(2030, 10, 4)],
            [new DateOnly(2030, 10, 5)]),
    ]);

    private static readonly DateTimeOffset Now = BeijingTime.FromBeijing(new DateTime(2030, 9, 27, 10, 0, 0));

    [Test]
    public void Publish_OverAHolidayAndItsMakeUpDay_SkipsTheHolidayAndCountsTheMakeUpDay()
    {
        var publicity = Publish(new DateOnly(2030, 9, 30), 5);

        // Mon 30 Sep, Tue 1 Oct, Sat 5 Oct (made up), Mon 7 Oct, Tue 8 Oct.
        publicity.LastDay.Should().Be(new DateOnly(2030, 10, 8));
        publicity.PeriodText.Should().Be("公示期：2030年9月30日至10月8日");
        publicity.EndsAt.Should().Be(BeijingTime.FromBeijing(new DateTime(2030, 10, 9, 0, 0, 0)));
    }

    [Test]
    public void IsRunningAt_FromMidnightOfTheFirstDayTo24OfTheLast()
    {
        var publicity = Publish(new DateOnly(2030, 9, 30), 1);

        publicity.IsRunningAt(BeijingTime.FromBeijing(new DateTime(2030, 9, 29, 23, 59, 59))).Should().BeFalse();
        publicity.IsRunningAt(BeijingTime.FromBeijing(new DateTime(2030, 9, 30, 0, 0, 0))).Should().BeTrue();
        publicity.IsRunningAt(BeijingTime.FromBeijing(new DateTime(2030, 9, 30, 23, 59, 0))).Should().BeTrue();
        publicity.HasEndedAt(BeijingTime.FromBeijing(new DateTime(2030, 9, 30, 23, 59, 0))).Should().BeFalse();
        publicity.HasEndedAt(BeijingTime.FromBeijing(new DateTime(2030, 10, 1, 0, 0, 0))).Should().BeTrue();
    }

    [Test]
    public void Publish_FromAHoliday_BreaksTheWorkingDayRule()
    {
        var act = () => Publish(new DateOnly(2030, 10, 3), 5);

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<PublicityStartsOnAWorkingDayRule>();
    }

    [Test]
    public void Publish_FromYesterday_BreaksTheNoEarlierThanTodayRule()
    {
        var act = () => Publish(new DateOnly(2030, 9, 26), 5);

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<PublicityStartsNoEarlierThanTodayRule>();
    }

    [Test]
    public void Publish_ForNoWorkingDay_BreaksTheAtLeastOneDayRule()
    {
        var act = () => Publish(new DateOnly(2030, 9, 30), 0);

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<PublicityLastsAtLeastOneWorkingDayRule>();
    }

    [Test]
    public void AllDecidedRule_WithUndecidedDossiers_IsBroken_NamingHowManyAtWhichUnit()
    {
        var rule = new PreliminaryResultsAllDecidedRule([new UndecidedAtUnit("甲单位", 2), new UndecidedAtUnit("乙单位", 1)]);

        rule.IsBroken().Should().BeTrue();
        rule.Message.Should().StartWith("尚有 3 份已接收纸质材料的申报未作出初审结论（甲单位 2 份、乙单位 1 份）");
        new PreliminaryResultsAllDecidedRule([]).IsBroken().Should().BeFalse();
    }

    [Test]
    public void HaveADecisionRule_WithNoDecision_IsBroken()
    {
        new PreliminaryResultsHaveADecisionRule(0).IsBroken().Should().BeTrue();
        new PreliminaryResultsHaveADecisionRule(1).IsBroken().Should().BeFalse();
    }

    [Test]
    public void OnePerCampaignRule_WithAnExistingPublicity_IsBroken_NamingItsPeriod()
    {
        var existing = Publish(new DateOnly(2030, 9, 30), 5);

        var rule = new OnePreliminaryPublicityPerCampaignRule(existing);

        rule.IsBroken().Should().BeTrue();
        rule.Message.Should().Contain("公示期：2030年9月30日至10月8日");
        new OnePreliminaryPublicityPerCampaignRule(null).IsBroken().Should().BeFalse();
    }

    private static PublicPublicity Publish(DateOnly firstDay, int workingDays) =>
        PublicPublicity.Publish(Guid.NewGuid(), PublicPublicityKind.PreliminaryResults, "2030年度初审结果公示", firstDay, workingDays, Calendar, Now, "office-id", "陈静");
}
