using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Campaigns.UpdateLevelRule;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Domain.Applications;

namespace TitleReview.Application.Tests.Dossier;

/// <summary>The office's per-level requirements drive the completeness check.</summary>
public class LevelRuleTests : WorkflowTestBase
{
    [Test]
    public async Task RaisingTheRequiredHours_MakesAComplete96HourDossierIncomplete_AndIsJournaled()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        var instance = await StartApplicationAsync("applicant1");
        var office = await ActorAsync("office");

        await InScopeAsync(sp => sp.GetRequiredService<IHandler<UpdateLevelRule, LevelRule>>()
            .HandleAsync(new UpdateLevelRule(CampaignId, TitleLevel.Intermediate, 100, 1, 5000, 1, 4, office)));

        var applicant = await ActorAsync("applicant1");
        var applicationId = (await InstanceAsync(instance)).SubjectId;
        var dossier = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetDossier, DossierView>>().HandleAsync(new GetDossier(applicationId, applicant)));
        dossier.Rule.HoursPerYear.Should().Be(100);
        dossier.Missing.Should().ContainSingle().Which.Message.Should().Be("继续教育学时不符合申报条件：2022 年度 96 学时（差 4 学时）；要求每年不少于 100 学时。");
        (await JournalAsync((await CampaignInstanceAsync()).Id)).Last().Reason.Should().Contain("继续教育每年 90→100 学时");
    }

    [Test]
    public async Task ANegativeNumber_IsRefusedWithAFieldMessage()
    {
        var office = await ActorAsync("office");

        var act = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<UpdateLevelRule, LevelRule>>()
            .HandleAsync(new UpdateLevelRule(CampaignId, TitleLevel.Senior, -1, 1, 8000, 2, 5, office)));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["hoursPerYear"].Single().Should().Contain("0 到 1000");
    }
}
