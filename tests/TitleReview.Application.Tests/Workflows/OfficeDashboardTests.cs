using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Campaigns.ListCampaigns;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Application.Tests.Workflows;

/// <summary>The office's dashboard names every stage open now, and the one that opens next.</summary>
public class OfficeDashboardTests : WorkflowTestBase
{
    protected override bool ConfirmDemoUnits => false;

    [Test]
    public async Task OnAugust1_FilingAndUnitPublicity_AreBothListedAsOpen()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 1, 9, 0, 0));
        await RunClockAsync();

        var campaign = (await ListAsync()).Single();

        campaign.OpenStages.Select(s => (s.Key, s.Name, s.OpensAt, s.LastSecond)).Should().Equal(
            (StageKeys.Filing, "申报人填报与单位审核", Beijing(2023, 8, 1, 0, 0, 0), Beijing(2023, 8, 31, 23, 59, 59)),
            ("unitPublicity", "单位公示及报送电子材料", Beijing(2023, 8, 1, 0, 0, 0), Beijing(2023, 9, 8, 23, 59, 59)));
        campaign.NextStage!.Key.Should().Be("paperDelivery");
        campaign.NextStage.OpensAt.Should().Be(Beijing(2023, 9, 4, 0, 0, 0));
    }

    [Test]
    public async Task BetweenWindows_NothingIsOpen_AndTheNextStageIsNamed()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 22, 9, 0, 0));

        var campaign = (await ListAsync()).Single();

        campaign.OpenStages.Should().BeEmpty();
        campaign.NextStage!.Name.Should().Be("核准审核人信息");
    }

    private Task<IReadOnlyList<CampaignSummary>> ListAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<ListCampaigns, IReadOnlyList<CampaignSummary>>>().HandleAsync(new ListCampaigns()));
}
