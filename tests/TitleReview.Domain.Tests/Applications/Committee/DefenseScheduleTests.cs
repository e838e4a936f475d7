using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee.Defense;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Tests.Applications.Committee;

/// <summary>The defense schedule's rules on the 2023 timeline: the defense window Dec 4–8, a session on Dec 4 09:00.</summary>
public class DefenseScheduleTests
{
    private static readonly DefenseWindow Window = new(Beijing(2023, 12, 4, 0, 0), Beijing(2023, 12, 9, 0, 0));
    private static readonly DateTimeOffset Start = Beijing(2023, 12, 4, 9, 0);
    private static readonly Guid[] Experts = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
    private static readonly DefenseCandidate Zhao = new(Guid.NewGuid(), "赵强", TitleLevel.Senior, true);
    private static readonly PanelPool Pool = new(Experts, []);

    [Test]
    public void SaveSession_OutsideTheDefenseWindow_IsRefused()
    {
        var schedule = DefenseSchedule.For(Guid.NewGuid());

        var early = () => schedule.SaveSession(null, Beijing(2023, 12, 3, 23, 59), "会议室", Experts[..3], Window, Pool);
        var late = () => schedule.SaveSession(null, Beijing(2023, 12, 9, 0, 0), "会议室", Experts[..3], Window, Pool);

        early.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseSessionInsideTheWindowRule>();
        late.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseSessionInsideTheWindowRule>();
        schedule.Sessions.Should().BeEmpty();
    }

    [Test]
    public void SaveSession_WithTwoExperts_IsRefused()
    {
        var act = () => DefenseSchedule.For(Guid.NewGuid()).SaveSession(null, Start, "会议室", [Experts[0], Experts[1], Experts[1]], Window, Pool);

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefensePanelLargeEnoughRule>();
    }

    [Test]
    public void SaveSession_WithAnExpertWhoReviewsNoSeniors_IsRefused()
    {
        var act = () => DefenseSchedule.For(Guid.NewGuid()).SaveSession(null, Start, "会议室", [Experts[0], Experts[1], Guid.NewGuid()], Window, Pool);

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefensePanelReviewsSeniorsRule>();
    }

    [Test]
    public void SaveSession_WithoutAPlace_IsRefused()
    {
        var act = () => DefenseSchedule.For(Guid.NewGuid()).SaveSession(null, Start, " ", Experts[..3], Window, Pool);

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefensePlaceGivenRule>();
    }

    [Test]
    public void Assign_WhenAPanelExpertIsRecusedFromTheCandidate_IsRefusedNamingBoth()
    {
        var pool = new PanelPool(Experts, [new PanelRecusal(Experts[2], "王专家", Zhao.ApplicationId, Zhao.Name)]);
        var schedule = DefenseSchedule.For(Guid.NewGuid());
        var session = schedule.SaveSession(null, Start, "会议室", Experts[..3], Window, pool);

        var act = () => schedule.Assign(session, Zhao, Start, pool);

        act.Should().Throw<BusinessRuleViolationException>().Which.Message.Should().Be("评委王专家须回避答辩人赵强，不能在该场次的答辩小组中。");
        schedule.Slots.Should().BeEmpty();
    }

    [Test]
    public void SaveSession_PuttingARecusedExpertOnAPanelWithTheCandidate_IsRefused()
    {
        var pool = new PanelPool(Experts, [new PanelRecusal(Experts[3], "王专家", Zhao.ApplicationId, Zhao.Name)]);
        var schedule = DefenseSchedule.For(Guid.NewGuid());
        var session = schedule.SaveSession(null, Start, "会议室", Experts[..3], Window, pool);
        schedule.Assign(session, Zhao, Start, pool);

        var act = () => schedule.SaveSession(session, Start, "会议室", Experts[1..], Window, pool);

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<NoRecusedExpertOnThePanelRule>();
    }

    [Test]
    public void Assign_ACandidateTwice_IsRefused()
    {
        var schedule = DefenseSchedule.For(Guid.NewGuid());
        var first = schedule.SaveSession(null, Start, "会议室", Experts[..3], Window, Pool);
        var second = schedule.SaveSession(null, Start.AddDays(1), "会议室", Experts[..3], Window, Pool);
        schedule.Assign(first, Zhao, Start, Pool);

        var act = () => schedule.Assign(second, Zhao, Start.AddDays(1), Pool);

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<CandidateInOneSlotRule>();
    }

    [TestCase(TitleLevel.Intermediate, true)]
    [TestCase(TitleLevel.Senior, false)]
    public void Assign_ANonSeniorOrSomeoneOffTheList_IsRefused(TitleLevel level, bool onList)
    {
        var schedule = DefenseSchedule.For(Guid.NewGuid());
        var session = schedule.SaveSession(null, Start, "会议室", Experts[..3], Window, Pool);

        var act = () => schedule.Assign(session, new DefenseCandidate(Guid.NewGuid(), "李华", level, onList), Start, Pool);

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<OnlySeniorCandidatesOnTheListDefendRule>();
    }

    [Test]
    public void Assign_BeforeTheSessionStartsOrOnAnotherDay_IsRefused()
    {
        var schedule = DefenseSchedule.For(Guid.NewGuid());
        var session = schedule.SaveSession(null, Start, "会议室", Experts[..3], Window, Pool);

        var before = () => schedule.Assign(session, Zhao, Start.AddMinutes(-1), Pool);
        var nextDay = () => schedule.Assign(session, Zhao, Start.AddDays(1), Pool);

        before.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<SlotWithinItsSessionRule>();
        nextDay.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<SlotWithinItsSessionRule>();
    }

    [Test]
    public void SaveSession_MovingTheSession_MovesItsSlots()
    {
        var schedule = DefenseSchedule.For(Guid.NewGuid());
        var session = schedule.SaveSession(null, Start, "会议室", Experts[..3], Window, Pool);
        schedule.Assign(session, Zhao, Start.AddMinutes(30), Pool);

        schedule.SaveSession(session, Start.AddDays(1), "另一会议室", Experts[..3], Window, Pool);

        schedule.SlotOf(Zhao.ApplicationId)!.At.Should().Be(Start.AddDays(1).AddMinutes(30));
    }

    [Test]
    public void Publish_ExactlySevenDaysBeforeTheFirstSession_IsAccepted()
    {
        var schedule = Scheduled();

        schedule.Publish(7, [], Beijing(2023, 11, 27, 9, 0), "陈静");

        schedule.IsPublished.Should().BeTrue();
    }

    [Test]
    public void Publish_SevenDaysMinusAMinuteBeforeTheFirstSession_IsRefused()
    {
        var schedule = Scheduled();

        var act = () => schedule.Publish(7, [], Beijing(2023, 11, 27, 9, 1), "陈静");

        act.Should().Throw<BusinessRuleViolationException>().Which.Message
            .Should().Be("答辩时间、地点须于答辩前7天公布：第一场答辩在2023-12-04 09:00:00，最迟须在2023-11-27 09:00:00前公布。");
        schedule.IsPublished.Should().BeFalse();
    }

    [Test]
    public void Publish_WithTheCampaignsLongerNotice_CountsFromTheEarliestSession()
    {
        var schedule = Scheduled();
        var later = schedule.SaveSession(null, Start.AddDays(2), "会议室", Experts[..3], Window, Pool);
        schedule.Assign(later, new DefenseCandidate(Guid.NewGuid(), "周婷", TitleLevel.Senior, true), Start.AddDays(2), Pool);

        var act = () => schedule.Publish(10, [], Beijing(2023, 11, 24, 9, 1), "陈静");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseNoticeGivenRule>();
    }

    [Test]
    public void Publish_WithASeniorUnscheduledOrAnEmptySessionOrNoSession_IsRefused()
    {
        var none = () => DefenseSchedule.For(Guid.NewGuid()).Publish(7, [], Beijing(2023, 11, 1, 9, 0), "陈静");
        var unscheduled = () => Scheduled().Publish(7, ["周婷"], Beijing(2023, 11, 1, 9, 0), "陈静");
        var withEmpty = Scheduled();
        withEmpty.SaveSession(null, Start.AddDays(1), "会议室", Experts[..3], Window, Pool);
        var empty = () => withEmpty.Publish(7, [], Beijing(2023, 11, 1, 9, 0), "陈静");

        none.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseScheduleHasSessionsRule>();
        unscheduled.Should().Throw<BusinessRuleViolationException>().Which.Message.Should().Contain("周婷");
        empty.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<EverySessionHasACandidateRule>();
    }

    [Test]
    public void Change_AfterPublication_IsRefused()
    {
        var schedule = Scheduled();
        var session = schedule.Sessions.Single().Id;
        schedule.Publish(7, [], Beijing(2023, 11, 24, 9, 0), "陈静");

        var move = () => schedule.SaveSession(session, Start.AddHours(1), "会议室", Experts[..3], Window, Pool);
        var add = () => schedule.SaveSession(null, Start.AddDays(1), "会议室", Experts[..3], Window, Pool);
        var unassign = () => schedule.Unassign(Zhao.ApplicationId);
        var remove = () => schedule.RemoveSession(session);
        var again = () => schedule.Publish(7, [], Beijing(2023, 11, 24, 9, 0), "陈静");

        move.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseScheduleFrozenAfterPublicationRule>();
        add.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseScheduleFrozenAfterPublicationRule>();
        unassign.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseScheduleFrozenAfterPublicationRule>();
        remove.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseScheduleFrozenAfterPublicationRule>();
        again.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseScheduleFrozenAfterPublicationRule>();
        schedule.SlotOf(Zhao.ApplicationId)!.At.Should().Be(Start);
    }

    [Test]
    public void Conclude_BeforeThePanelScored_OrWithoutText_OrTwice_IsRefused()
    {
        var schedule = Scheduled();
        schedule.Publish(7, [], Beijing(2023, 11, 24, 9, 0), "陈静");

        var early = () => schedule.Conclude(Zhao.ApplicationId, true, "合格", 2, Start, "陈静");
        var blank = () => schedule.Conclude(Zhao.ApplicationId, true, " ", 3, Start, "陈静");
        var undecided = () => schedule.Conclude(Zhao.ApplicationId, null, "意见", 3, Start, "陈静");
        early.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseConclusionAfterThePanelScoredRule>();
        blank.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseConclusionStatedRule>();
        undecided.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseConclusionStatedRule>();

        schedule.Conclude(Zhao.ApplicationId, true, "答辩思路清晰", 3, Start.AddHours(1), "陈静");
        var twice = () => schedule.Conclude(Zhao.ApplicationId, false, "改判", 3, Start.AddHours(2), "陈静");

        twice.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseConclusionOnceRule>();
        schedule.SlotOf(Zhao.ApplicationId)!.Qualified.Should().BeTrue();
    }

    [TestCase(-1)]
    [TestCase(101)]
    [TestCase(null)]
    public void Score_OutsideZeroToHundred_IsRefused(int? score)
    {
        var act = () => DefenseScore.Give(Guid.NewGuid(), Zhao.ApplicationId, Experts[0], score, "意见", null, Start);

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseScoreInRangeRule>();
    }

    [Test]
    public void Score_WithoutAnOpinionOrTooLong_IsRefused()
    {
        var blank = () => DefenseScore.Give(Guid.NewGuid(), Zhao.ApplicationId, Experts[0], 80, "  ", null, Start);
        var tooLong = () => DefenseScore.Give(Guid.NewGuid(), Zhao.ApplicationId, Experts[0], 80, new string('意', DefenseScore.MaxOpinionLength + 1), null, Start);

        blank.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseOpinionWrittenRule>();
        tooLong.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseOpinionWrittenRule>();
    }

    [Test]
    public void Revise_AfterTheConclusion_IsRefused_AndBeforeItChangesTheScore()
    {
        var score = DefenseScore.Give(Guid.NewGuid(), Zhao.ApplicationId, Experts[0], 80, "意见", null, Start);
        score.Revise(85, "修改后的意见", null, Start.AddMinutes(5));

        var act = () => score.Revise(90, "再改", Start.AddMinutes(10), Start.AddMinutes(20));

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DefenseScoreOpenUntilConclusionRule>();
        (score.Score, score.Opinion).Should().Be((85, "修改后的意见"));
    }

    [Test]
    public void AttendanceFixedAfterConclusion_OnceConcluded_IsBroken()
    {
        new AttendanceFixedAfterConclusionRule("赵强", concluded: true).IsBroken().Should().BeTrue();
        new AttendanceFixedAfterConclusionRule("赵强", concluded: false).IsBroken().Should().BeFalse();
    }

    private static DefenseSchedule Scheduled()
    {
        var schedule = DefenseSchedule.For(Guid.NewGuid());
        var session = schedule.SaveSession(null, Start, "贵阳市南明区广顺路1号省委办公业务大楼1023室", Experts[..3], Window, Pool);
        schedule.Assign(session, Zhao, Start, Pool);
        return schedule;
    }

    private static DateTimeOffset Beijing(int year, int month, int day, int hour, int minute) =>
        BeijingTime.FromBeijing(new DateTime(year, month, day, hour, minute, 0));
}
