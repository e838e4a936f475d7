using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Committee.Forming;
using TitleReview.Application.Campaigns.ChangeCommitteeTerms;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Applications.Committee.Forming;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Committee;

/// <summary>The office's side of the committee: experts (account and profile in one command), the committee formed from them, its terms.</summary>
public class CommitteeFormingTests : CommitteeTestBase
{
    private static ExpertProfileInput Valid(string mobile = "13600000001", Guid? unitId = null) =>
        new("钱思远", unitId, unitId is null ? "黔中师范大学" : null, "教授", "思想政治教育", mobile, "qian@example.org");

    [Test]
    public async Task CreateExpert_WithAFullProfile_CreatesAnInactiveExpertAccountAndTheProfile_AndSendsTheLinkOnlyThroughTheOutbox()
    {
        var saved = await SendAsync<CreateExpert, ExpertSaved>(new CreateExpert(Valid(unitId: DemoAccounts.QiannanEnergy.Id), await ActorAsync("office")));

        saved.SentTo.Should().HaveCount(2);
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var expert = await db.Experts.AsNoTracking().SingleAsync(e => e.Id == saved.ExpertId);
            (expert.Name, expert.Organisation, expert.UnitId, expert.IsActive).Should().Be(("钱思远", DemoAccounts.QiannanEnergy.Name, DemoAccounts.QiannanEnergy.Id, true));
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == expert.UserId);
            (user.UserName, user.PhoneNumber, user.Email, user.IsActive).Should().Be(("13600000001", "13600000001", "qian@example.org", false));
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync();
            roles.Should().Equal(Roles.Expert);
        });
        var message = await LastMessageToAsync("13600000001");
        (message.Purpose, message.ContainsSecret).Should().Be(("设置密码", true));
        message.Body.Should().Contain("/Account/Activate?token=");
    }

    [Test]
    public async Task CreateExpert_WithBadFields_ReportsEachBesideItsField_AndCreatesNoAccount()
    {
        var usersBefore = await CountAsync(db => db.Users.CountAsync());
        var office = await ActorAsync("office");

        var act = () => SendAsync<CreateExpert, ExpertSaved>(new CreateExpert(
            new ExpertProfileInput(" ", null, "", new string('职', Expert.MaxTitleLength + 1), "思想政治教育", "12345", "not-an-email"), office));

        var errors = (await act.Should().ThrowAsync<ValidationException>()).Which.Errors;
        errors.Keys.Should().BeEquivalentTo("Name", "Organisation", "ProfessionalTitle", "Mobile", "Email");
        errors["Name"].Should().Equal("请填写姓名。");
        errors["ProfessionalTitle"].Should().Equal($"专业技术职务不能超过 {Expert.MaxTitleLength} 个字。");
        (await CountAsync(db => db.Users.CountAsync())).Should().Be(usersBefore);
        (await CountAsync(db => db.Experts.CountAsync())).Should().Be(0);
    }

    [Test]
    public async Task CreateExpert_WithAMobileAnotherAccountUses_RefusesOnTheMobile_AndAnUnknownUnitOnTheOrganisation()
    {
        var office = await ActorAsync("office");

        var act = () => SendAsync<CreateExpert, ExpertSaved>(new CreateExpert(Valid("13700000301", Guid.NewGuid()), office));

        var errors = (await act.Should().ThrowAsync<ValidationException>()).Which.Errors;
        errors["Mobile"].Should().Equal("手机号 137****0301 已被其他账号使用。");
        errors["Organisation"].Should().Equal("所选单位不存在，请重新选择或直接填写工作单位。");
    }

    [Test]
    public async Task CreateExpert_ByAnAuditor_IsForbidden()
    {
        var act = async () => await SendAsync<CreateExpert, ExpertSaved>(new CreateExpert(Valid(), await ActorAsync("auditor1")));

        await act.Should().ThrowAsync<ForbiddenAccessException>();
    }

    [Test]
    public async Task CompleteExpertProfile_ForADemoExpertAccount_GivesItAProfile_ListsIt_AndASecondTimeIsRefused()
    {
        var office = await ActorAsync("office");
        var before = await SendAsync<GetExperts, ExpertsView>(new GetExperts(null, office));
        var sun = before.Rows.Single(r => r.Name == "孙文博");

        await SendAsync<CompleteExpertProfile, ExpertSaved>(new CompleteExpertProfile(sun.UserId, Valid("13700000301") with { Name = "孙文博" }, office));
        var after = await SendAsync<GetExperts, ExpertsView>(new GetExperts("师范", office));
        var again = () => SendAsync<CompleteExpertProfile, ExpertSaved>(new CompleteExpertProfile(sun.UserId, Valid("13700000301") with { Name = "孙文博" }, office));

        (before.Total, before.WithoutProfile, sun.Standing).Should().Be((6, 6, "未完善专家信息"));
        after.Rows.Should().ContainSingle().Which.Should().Match<ExpertRow>(r => r.Name == "孙文博" && r.HasProfile && r.MaskedMobile == "137****0301" && r.Standing == "启用");
        (after.Total, after.WithoutProfile).Should().Be((6, 5));
        (await again.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("孙文博的专家信息已经填写，请在专家列表中修改。");
    }

    [Test]
    public async Task EditExpert_ToTheCandidatesUnit_RecusesThemAtOnce()
    {
        var lihua = await OnCommitteeListAsync("applicant1", "auditor1", TitleLevel.Intermediate);
        await SeatCommitteeAsync();
        var office = await ActorAsync("office");

        await SendAsync<EditExpert, ExpertSaved>(new EditExpert(Experts["expert1"], Valid("13700000301", DemoAccounts.QiannanEnergy.Id) with { Name = "孙文博" }, null, office));

        var recusals = await InScopeAsync(sp => sp.GetRequiredService<Applications.Committee.ICommitteeSeats>().RecusalsAsync(Experts["expert1"], CampaignId));
        recusals.Should().Equal(new Dictionary<Guid, RecusalReason> { [lihua] = RecusalReason.OwnUnit });
    }

    [Test]
    public async Task SetExpertActive_WhileSeatedOnACommitteeUnderReview_IsRefused_AndOnceTheDefenseClosed_IsAllowed()
    {
        await SeatCommitteeAsync();
        var office = await ActorAsync("office");
        Clock.SetUtcNow(Beijing(2023, 12, 8, 17, 0, 0));

        var refused = () => SendAsync<SetExpertActive, ExpertSaved>(new SetExpertActive(Experts["expert6"], false, office));
        (await refused.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<SeatedExpertStaysActiveRule>();

        Clock.SetUtcNow(Beijing(2023, 12, 9, 0, 0, 0));
        await SendAsync<SetExpertActive, ExpertSaved>(new SetExpertActive(Experts["expert6"], false, office));
        (await CountAsync(db => db.Experts.CountAsync(e => e.IsActive))).Should().Be(5);
    }

    [Test]
    public async Task FormCommittee_FromActiveExperts_SeatsThemWithGroups_JournalsIt_AndReformingReplacesTheWhole()
    {
        await SeatCommitteeAsync();
        await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ReviewCommittees.ExecuteDeleteAsync());
        var office = await ActorAsync("office");
        Clock.SetUtcNow(Beijing(2023, 11, 13, 10, 0, 0));

        var formed = await FormAsync([Seat("expert1", CommitteeRole.Chair), Seat("expert2", CommitteeRole.DeputyChair), Seat("expert3", CommitteeRole.Member, TitleLevel.Senior), Seat("expert4", null)]);
        var reformed = await FormAsync([Seat("expert2", CommitteeRole.Chair), Seat("expert5", CommitteeRole.Member)]);
        var page = await SendAsync<GetCommitteePage, CommitteePageView>(new GetCommitteePage(2023, office));

        (formed.Members, formed.Reformed, reformed.Members, reformed.Reformed).Should().Be((3, false, 2, true));
        page.Members.Select(m => (m.Name, m.Role)).Should().Equal(("何静怡", CommitteeRole.Chair), ("杨晓梅", CommitteeRole.Member));
        page.Changes.Select(c => c.Text).Should().Equal(
            "调整“2023年度贵州省政工专业职务任职资格评审委员会”：主任委员 何静怡；委员 杨晓梅（共 2 人）",
            "组建“2023年度贵州省政工专业职务任职资格评审委员会”：主任委员 孙文博；副主任委员 何静怡；委员 马志远（高级政工师组）（共 3 人）");
    }

    [Test]
    public async Task FormCommittee_WithAnInactiveExpert_WithoutAChair_OrAfterTheDefenseClosed_IsRefusedByItsRule()
    {
        await SeatCommitteeAsync();
        await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Experts.Where(e => e.Id == Experts["expert6"]).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsActive, false)));
        Clock.SetUtcNow(Beijing(2023, 11, 13, 10, 0, 0));

        await RefusedAsync<CommitteeMembersAreActiveRule>([Seat("expert1", CommitteeRole.Chair), Seat("expert6", CommitteeRole.Member)]);
        await RefusedAsync<CommitteeHasOneChairRule>([Seat("expert1", CommitteeRole.Member)]);
        Clock.SetUtcNow(Beijing(2023, 12, 9, 0, 0, 0));
        await RefusedAsync<CommitteeFormedBeforeTheReviewEndsRule>([Seat("expert1", CommitteeRole.Chair)]);
    }

    [Test]
    public async Task FormCommittee_WithoutAName_OrWithAnUnknownExpert_ReportsTheField()
    {
        var office = await ActorAsync("office");
        Clock.SetUtcNow(Beijing(2023, 11, 13, 10, 0, 0));

        var noName = () => SendAsync<FormCommittee, CommitteeFormed>(new FormCommittee(2023, " ", [], null, office));
        var unknown = () => SendAsync<FormCommittee, CommitteeFormed>(new FormCommittee(2023, "评审委员会", [new CommitteeSeatInput(Guid.NewGuid(), CommitteeRole.Chair, null)], null, office));

        (await noName.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainKey("Name");
        (await unknown.Should().ThrowAsync<ValidationException>()).Which.Errors["Seats"].Should().Equal("评审委员会成员须从评审专家库中选择。");
    }

    [Test]
    public async Task GetCommitteePage_ShowsEachMembersPledgeAndRecusals_AndTheQuorumPerLevel()
    {
        var lihua = await OnCommitteeListAsync("applicant1", "auditor1", TitleLevel.Intermediate);
        var zhaoqiang = await OnCommitteeListAsync("applicant3", "auditor2", TitleLevel.Senior);
        await SeatCommitteeAsync(new Dictionary<string, TitleLevel> { ["expert6"] = TitleLevel.Senior });
        await PledgeAsync("expert1", zhaoqiang);

        var page = await SendAsync<GetCommitteePage, CommitteePageView>(new GetCommitteePage(2023, await ActorAsync("office")));

        var chair = page.Members.Single(m => m.Role == CommitteeRole.Chair);
        (chair.Name, chair.PledgedAt is not null, chair.ConflictsDeclared).Should().Be(("孙文博", true, 1));
        chair.Recusals.Should().Equal(new RecusalLine("赵强", DemoAccounts.ProvincialTransport.Name, "本人申报回避"));
        page.Members.Single(m => m.Name == "罗建国").Recusals.Should().Equal(new RecusalLine("李华", DemoAccounts.QiannanEnergy.Name, "本人所在单位"));
        page.Members.Single(m => m.Name == "何静怡").PledgedAt.Should().BeNull();
        page.Levels.Select(l => (l.Level, l.Members, l.Quorum)).Should().Equal((TitleLevel.Senior, 6, 4), (TitleLevel.Intermediate, 5, 4), (TitleLevel.Assistant, 5, 4));
        (page.RefusedBecause, page.Terms.IsDefault).Should().Be((null, true));
        lihua.Should().NotBeEmpty();
    }

    [Test]
    public async Task ChangeCommitteeTerms_WithValidShares_SetsThemAndJournalsBeforeAndAfter()
    {
        var office = await ActorAsync("office");

        var terms = await SendAsync<ChangeCommitteeTerms, CommitteeTerms>(new ChangeCommitteeTerms(2023, 3, 4, 2, 3, 10, 7, office));
        var page = await SendAsync<GetCommitteePage, CommitteePageView>(new GetCommitteePage(2023, office));

        terms.Should().Be(new CommitteeTerms(3, 4, 2, 3, 10, 7));
        (page.Terms.Current, page.Terms.IsDefault).Should().Be((terms, false));
        page.Changes.Single().Text.Should().Be("修改评审委员会议事规则：到会 2/3、通过 2/3、答辩提前 7 天公布、结果公示 5 个工作日 → 到会 3/4、通过 2/3、答辩提前 10 天公布、结果公示 7 个工作日");
    }

    [Test]
    public async Task ChangeCommitteeTerms_WithBadValues_ReportsEachField_AndChangesNothing()
    {
        var act = async () => await SendAsync<ChangeCommitteeTerms, CommitteeTerms>(new ChangeCommitteeTerms(2023, 1, 3, null, 3, 0, 31, await ActorAsync("office")));

        var errors = (await act.Should().ThrowAsync<ValidationException>()).Which.Errors;
        errors.Keys.Should().BeEquivalentTo("Quorum", "Pass", "DefenseNoticeDays", "ResultsPublicityWorkingDays");
        errors["Quorum"].Should().Equal("到会人数比例须为不低于1/2、不高于1的分数（分母1至100）。");
        (await CountAsync(db => db.Campaigns.Where(c => c.Year == 2023).Select(c => c.CommitteeTerms).SingleAsync())).Should().Be(CommitteeTerms.Default);
    }

    [Test]
    public async Task ChangeCommitteeTerms_ByAnExpert_IsForbidden()
    {
        var act = async () => await SendAsync<ChangeCommitteeTerms, CommitteeTerms>(new ChangeCommitteeTerms(2023, 2, 3, 2, 3, 7, 5, await ActorAsync("expert1")));

        await act.Should().ThrowAsync<ForbiddenAccessException>();
    }

    private CommitteeSeatInput Seat(string userName, CommitteeRole? role, TitleLevel? level = null) => new(Experts[userName], role, level);

    private async Task<CommitteeFormed> FormAsync(IReadOnlyList<CommitteeSeatInput> seats) =>
        await SendAsync<FormCommittee, CommitteeFormed>(new FormCommittee(2023, FormCommittee.DefaultName(2023), seats, null, await ActorAsync("office")));

    private async Task RefusedAsync<TRule>(IReadOnlyList<CommitteeSeatInput> seats)
    {
        var act = () => FormAsync(seats);
        (await act.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<TRule>();
    }

    private Task<TResult> SendAsync<TCommand, TResult>(TCommand command) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<TCommand, TResult>>().HandleAsync(command));

    private Task<T> CountAsync<T>(Func<AppDbContext, Task<T>> query) => InScopeAsync(sp => query(sp.GetRequiredService<AppDbContext>()));
}
