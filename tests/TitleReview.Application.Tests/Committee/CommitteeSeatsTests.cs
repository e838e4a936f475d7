using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Committee;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Committee;

public class CommitteeSeatsTests : CommitteeTestBase
{
    [Test]
    public async Task Recusals_ForAnExpertFromTheCandidatesUnitAndADeclaredConflict_NameEachWithItsReason()
    {
        var lihua = await OnCommitteeListAsync("applicant1", "auditor1", TitleLevel.Intermediate);
        var zhaoqiang = await OnCommitteeListAsync("applicant3", "auditor2", TitleLevel.Senior);
        await SeatCommitteeAsync();
        await PledgeAsync("expert1", zhaoqiang);

        var (own, declared, none) = await InScopeAsync(async sp =>
        {
            var seats = sp.GetRequiredService<ICommitteeSeats>();
            return (await seats.RecusalsAsync(Experts[QiannanExpert], CampaignId), await seats.RecusalsAsync(Experts["expert1"], CampaignId), await seats.RecusalsAsync(Experts["expert2"], CampaignId));
        });

        own.Should().Equal(new Dictionary<Guid, RecusalReason> { [lihua] = RecusalReason.OwnUnit });
        declared.Should().Equal(new Dictionary<Guid, RecusalReason> { [zhaoqiang] = RecusalReason.DeclaredConflict });
        none.Should().BeEmpty();
    }

    [Test]
    public async Task Seat_OfTheChairBeforeAndAfterThePledge_SaysWhetherTheyPledged_AndNoSeatForOthers()
    {
        await SeatCommitteeAsync(new Dictionary<string, TitleLevel> { ["expert3"] = TitleLevel.Senior });
        var ids = await InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return Task.FromResult(db.Users.Where(u => u.UserName == "expert1" || u.UserName == "expert3" || u.UserName == "office").ToDictionary(u => u.UserName!, u => u.Id));
        });

        var before = await InScopeAsync(sp => sp.GetRequiredService<ICommitteeSeats>().SeatAsync(ids["expert1"], CampaignId));
        await PledgeAsync("expert1");
        var after = await InScopeAsync(sp => sp.GetRequiredService<ICommitteeSeats>().SeatAsync(ids["expert1"], CampaignId));
        var grouped = await InScopeAsync(sp => sp.GetRequiredService<ICommitteeSeats>().SeatAsync(ids["expert3"], CampaignId));
        var office = await InScopeAsync(sp => sp.GetRequiredService<ICommitteeSeats>().SeatAsync(ids["office"], CampaignId));

        before!.IsChair.Should().BeTrue();
        before.Pledged.Should().BeFalse();
        after!.Pledged.Should().BeTrue();
        grouped!.Reviews(TitleLevel.Senior).Should().BeTrue();
        grouped.Reviews(TitleLevel.Intermediate).Should().BeFalse();
        office.Should().BeNull();
    }
}
