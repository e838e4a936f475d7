using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Applications.Committee.Forming;
using TitleReview.Domain.Tests.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Tests.Applications.Committee;

/// <summary>The committee's rules (experts, seats, pledge and recusal), each broken once, and the edges of the office's own rules.</summary>
public class CommitteeSeatsAndRecusalTests
{
    private static readonly DateTimeOffset Now = BeijingTime.FromBeijing(new DateTime(2023, 11, 13, 10, 0, 0));
    private static readonly Guid CampaignId = Guid.NewGuid();
    private static readonly Guid UnitId = Guid.NewGuid();

    [TestCase("", "黔中师范大学", "教授", "思想政治教育")]
    [TestCase("孙文博", " ", "教授", "思想政治教育")]
    [TestCase("孙文博", "黔中师范大学", null, "思想政治教育")]
    [TestCase("孙文博", "黔中师范大学", "教授", "")]
    public void Create_WhenAPartOfTheProfileIsMissing_BreaksExpertProfileIsCompleteRule(string name, string organisation, string? title, string field)
    {
        RuleAssert.Breaks<ExpertProfileIsCompleteRule>(() => Expert.Create("user-1", name, organisation, null, title!, field));
    }

    [Test]
    public void Describe_WhenTheOrganisationIsTooLong_BreaksExpertProfileIsCompleteRule_AndKeepsTheOldProfile()
    {
        var expert = Expert.Create("user-1", "孙文博", "黔中师范大学", null, "教授", "思想政治教育");

        RuleAssert.Breaks<ExpertProfileIsCompleteRule>(() => expert.Describe("孙文博", new string('院', Expert.MaxOrganisationLength + 1), null, "教授", "思想政治教育"));
        expert.Organisation.Should().Be("黔中师范大学");
    }

    [Test]
    public void Create_WithAFullProfile_IsActiveAndTrimmed()
    {
        var expert = Expert.Create("user-1", " 孙文博 ", "黔中师范大学 ", UnitId, "教授", "思想政治教育");

        (expert.Name, expert.Organisation, expert.UnitId, expert.IsActive).Should().Be(("孙文博", "黔中师范大学", UnitId, true));
    }

    [Test]
    public void Deactivate_ThenActivate_TogglesIsActive()
    {
        var expert = Expert.Create("user-1", "孙文博", "黔中师范大学", null, "教授", "思想政治教育");

        expert.Deactivate();
        var inactive = expert.IsActive;
        expert.Activate();

        (inactive, expert.IsActive).Should().Be((false, true));
    }

    [TestCase(null)]
    [TestCase("  ")]
    public void Form_WithoutAName_BreaksCommitteeHasANameRule(string? name)
    {
        RuleAssert.Breaks<CommitteeHasANameRule>(() => Form(name!, [Seat(CommitteeRole.Chair)]));
    }

    [Test]
    public void Form_WithANameOneLongerThanAllowed_BreaksCommitteeHasANameRule()
    {
        RuleAssert.Breaks<CommitteeHasANameRule>(() => Form(new string('会', ReviewCommittee.MaxNameLength + 1), [Seat(CommitteeRole.Chair)]));
    }

    [Test]
    public void Form_WithoutAChair_BreaksCommitteeHasOneChairRule()
    {
        RuleAssert.Breaks<CommitteeHasOneChairRule>(() => Form("评审委员会", [Seat(CommitteeRole.DeputyChair), Seat(CommitteeRole.Member)]));
    }

    [Test]
    public void Form_WithTwoChairs_BreaksCommitteeHasOneChairRule()
    {
        RuleAssert.Breaks<CommitteeHasOneChairRule>(() => Form("评审委员会", [Seat(CommitteeRole.Chair), Seat(CommitteeRole.Chair)]));
    }

    [Test]
    public void Form_WithAnExpertInTwoSeats_BreaksExpertSitsOnceRule()
    {
        var expert = Guid.NewGuid();

        RuleAssert.Breaks<ExpertSitsOnceRule>(() => Form("评审委员会", [new(expert, CommitteeRole.Chair, null), new(expert, CommitteeRole.Member, TitleLevel.Senior)]));
    }

    [Test]
    public void Form_WithAnInactiveExpert_BreaksCommitteeMembersAreActiveRule()
    {
        var inactive = Seat(CommitteeRole.Member);

        RuleAssert.Breaks<CommitteeMembersAreActiveRule>(() => ReviewCommittee.Form(CampaignId, "评审委员会", [Seat(CommitteeRole.Chair), inactive], [inactive.ExpertId], Now, "office"));
    }

    [Test]
    public void Reform_WhenARuleBreaks_KeepsTheMembersItHad()
    {
        var chair = Seat(CommitteeRole.Chair);
        var committee = Form("评审委员会", [chair, Seat(CommitteeRole.Member)]);

        RuleAssert.Breaks<CommitteeHasOneChairRule>(() => committee.Reform("评审委员会", [Seat(CommitteeRole.Member)], [], Now, "office"));
        (committee.Members.Count, committee.Chair).Should().Be((2, chair));
    }

    [Test]
    public void MembersFor_ALevel_AreItsGroupAndTheMembersWithoutAGroup()
    {
        var chair = Seat(CommitteeRole.Chair);
        var senior = new CommitteeMember(Guid.NewGuid(), CommitteeRole.Member, TitleLevel.Senior);
        var assistant = new CommitteeMember(Guid.NewGuid(), CommitteeRole.Member, TitleLevel.Assistant);
        var committee = Form("评审委员会", [chair, senior, assistant]);

        committee.MembersFor(TitleLevel.Senior).Should().Equal(chair, senior);
        committee.MembersFor(TitleLevel.Intermediate).Should().Equal(chair);
    }

    [Test]
    public void Pledge_WhenNotAccepted_BreaksPledgeMustBeAcceptedRule()
    {
        RuleAssert.Breaks<PledgeMustBeAcceptedRule>(() => ExpertDeclaration.Pledge(Guid.NewGuid(), CampaignId, false, [], [], Now));
    }

    [Test]
    public void Pledge_WithAConflictNamingNoCandidate_BreaksConflictNamesACandidateRule()
    {
        var conflict = new DeclaredConflict(Guid.NewGuid(), ConflictKind.Relative, "表兄", Now);

        RuleAssert.Breaks<ConflictNamesACandidateRule>(() => ExpertDeclaration.Pledge(Guid.NewGuid(), CampaignId, true, [conflict], [Guid.NewGuid()], Now));
    }

    [Test]
    public void Declare_WithAnUndefinedKind_BreaksConflictNamesACandidateRule()
    {
        var candidate = Guid.NewGuid();
        var declaration = ExpertDeclaration.Pledge(Guid.NewGuid(), CampaignId, true, [], [candidate], Now);

        RuleAssert.Breaks<ConflictNamesACandidateRule>(() => declaration.Declare([new DeclaredConflict(candidate, (ConflictKind)9, "", Now)], [candidate]));
    }

    [Test]
    public void Declare_WithANoteOneLongerThanAllowed_BreaksConflictNoteWithinLengthRule_AndAtTheLengthIsKept()
    {
        var candidate = Guid.NewGuid();
        var declaration = ExpertDeclaration.Pledge(Guid.NewGuid(), CampaignId, true, [], [candidate], Now);

        RuleAssert.Breaks<ConflictNoteWithinLengthRule>(() => declaration.Declare([new DeclaredConflict(candidate, ConflictKind.OtherRelation, new string('注', ExpertDeclaration.MaxNoteLength + 1), Now)], [candidate]));
        declaration.Declare([new DeclaredConflict(candidate, ConflictKind.OtherRelation, new string('注', ExpertDeclaration.MaxNoteLength), Now)], [candidate]);
        declaration.HasConflictWith(candidate).Should().BeTrue();
    }

    [Test]
    public void Declare_ASecondTime_AddsAndKeepsTheFirst()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var declaration = ExpertDeclaration.Pledge(Guid.NewGuid(), CampaignId, true, [new DeclaredConflict(first, ConflictKind.Relative, "配偶", Now)], [first, second], Now);

        declaration.Declare([new DeclaredConflict(second, ConflictKind.OtherRelation, "曾为其导师", Now)], [first, second]);

        declaration.Conflicts.Select(c => c.ApplicationId).Should().Equal(first, second);
    }

    [Test]
    public void RecusalOf_AnExpertOfTheCandidatesRegisteredUnit_IsOwnUnit()
    {
        var expert = Expert.Create("user-1", "罗建国", "黔南能源集团（本部）", UnitId, "高级政工师", "企业思想政治工作");

        Recusal.Of(expert, UnitId, "黔南能源集团有限公司", null, Guid.NewGuid()).Should().Be(RecusalReason.OwnUnit);
    }

    [Test]
    public void RecusalOf_AnExpertWhoseTypedOrganisationIsTheUnitsName_IsOwnUnit()
    {
        var expert = Expert.Create("user-1", "罗建国", "黔南能源集团有限公司", null, "高级政工师", "企业思想政治工作");

        Recusal.Of(expert, UnitId, " 黔南能源集团有限公司 ", null, Guid.NewGuid()).Should().Be(RecusalReason.OwnUnit);
    }

    [Test]
    public void RecusalOf_AnExpertWhoDeclaredAConflictWithTheCandidate_IsDeclaredConflict_AndNotOthers()
    {
        var (candidate, other) = (Guid.NewGuid(), Guid.NewGuid());
        var expert = Expert.Create("user-1", "杨晓梅", "黔西南理工学院", null, "副教授", "管理心理学");
        var declaration = ExpertDeclaration.Pledge(expert.Id, CampaignId, true, [new DeclaredConflict(candidate, ConflictKind.OtherRelation, "曾为其导师", Now)], [candidate, other], Now);

        Recusal.Of(expert, UnitId, "省交通运输厅", declaration, candidate).Should().Be(RecusalReason.DeclaredConflict);
        Recusal.Of(expert, UnitId, "省交通运输厅", declaration, other).Should().BeNull();
    }

    [Test]
    public void RecusalOf_AnExpertOfAnotherOrganisationWithoutDeclaration_IsNone_EvenWhenTheUnitsNameIsBlank()
    {
        var expert = Expert.Create("user-1", "孙文博", "黔中师范大学", null, "教授", "思想政治教育");

        Recusal.Of(expert, UnitId, string.Empty, null, Guid.NewGuid()).Should().BeNull();
    }

    [Test]
    public void SeatedExpertStaysActive_WhenSeatedOnAnOpenCommittee_IsBrokenAndNamesTheYear()
    {
        var rule = new SeatedExpertStaysActiveRule([2024]);

        (rule.IsBroken(), rule.Message).Should().Be((true, "该专家是2024年度评审委员会的成员，评审尚未结束，不能停用；请先在评审委员会中将其调出后再停用。"));
        new SeatedExpertStaysActiveRule([]).IsBroken().Should().BeFalse();
    }

    [Test]
    public void CommitteeFormedBeforeTheReviewEnds_AtTheCloseAndAfter_IsBroken_AndASecondBeforeIsNot()
    {
        var closes = BeijingTime.StartOfDay(new DateOnly(2023, 12, 9));

        new CommitteeFormedBeforeTheReviewEndsRule(2023, closes, closes.AddSeconds(-1)).IsBroken().Should().BeFalse();
        new CommitteeFormedBeforeTheReviewEndsRule(2023, closes, closes).IsBroken().Should().BeTrue();
        new CommitteeFormedBeforeTheReviewEndsRule(2023, null, closes.AddDays(-30)).IsBroken().Should().BeTrue("a campaign without the stage has no review to form a committee for");
    }

    private static CommitteeMember Seat(CommitteeRole role) => new(Guid.NewGuid(), role, null);

    private static ReviewCommittee Form(string name, IReadOnlyList<CommitteeMember> members) =>
        ReviewCommittee.Form(CampaignId, name, members, [], Now, "office");
}
