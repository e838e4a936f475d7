using TitleReview.Domain.Applications;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Domain.Tests.Workflows;

/// <summary>Guards are parsed once, into typed specs, from what definitions write.</summary>
public class GuardCatalogueTests
{
    private static readonly StageCatalogue Stages = new([new StageDefinition(StageKeys.Filing, "申报人填报与单位审核")]);

    [TestCase("WindowOpen:filing", typeof(WindowOpenGuard))]
    [TestCase("WindowClosed:filing", typeof(WindowClosedGuard))]
    [TestCase("DossierComplete", typeof(DossierCompleteGuard))]
    [TestCase("DossierVerified", typeof(DossierVerifiedGuard))]
    [TestCase("PublicityScheduled", typeof(PublicityScheduledGuard))]
    [TestCase("PublicityEnded", typeof(PublicityEndedGuard))]
    [TestCase("PublicityRecorded:NoObjection", typeof(PublicityRecordedGuard))]
    public void TryParse_AGuardAsWritten_GivesItsTypedSpecWrittenBackTheSame(string text, Type type)
    {
        GuardCatalogue.Standard.TryParse(text, out var spec, out _).Should().BeTrue();

        spec.Should().BeOfType(type);
        spec!.Text.Should().Be(text);
    }

    [Test]
    public void TryParse_AWindowGuard_KeepsTheStageKey()
    {
        GuardCatalogue.Standard.TryParse("WindowOpen:filing", out var spec, out _);

        spec.Should().Be(new WindowOpenGuard(StageKeys.Filing));
        spec!.StageKey.Should().Be(StageKeys.Filing);
    }

    [Test]
    public void TryParse_PublicityRecorded_KeepsTheOutcomeTyped()
    {
        GuardCatalogue.Standard.TryParse("PublicityRecorded:Objection", out var spec, out _);

        spec.Should().Be(new PublicityRecordedGuard(PublicityOutcome.Objection));
    }

    [TestCase("WindowAjar:filing", "unknown guard 'WindowAjar'*")]
    [TestCase("DossierComplete:now", "takes no argument")]
    [TestCase("WindowOpen", "names no stage*")]
    [TestCase("PublicityRecorded:Maybe", "unknown publicity outcome 'Maybe'")]
    [TestCase("PublicityRecorded:7", "unknown publicity outcome '7'")]
    public void TryParse_AWrongGuard_RefusedSayingWhy(string text, string problem)
    {
        GuardCatalogue.Standard.TryParse(text, out var spec, out var why).Should().BeFalse();

        spec.Should().BeNull();
        why.Should().Match(problem);
    }

    [Test]
    public void EveryStandardGuard_HasAChineseDisplayName()
    {
        string[] written = ["WindowOpen:filing", "WindowClosed:filing", "DossierComplete", "DossierVerified", "PublicityScheduled", "PublicityEnded", "PublicityRecorded:NoObjection", "PublicityRecorded:Objection"];
        written.Select(GuardCatalogue.NameOf).Distinct().Should().BeEquivalentTo(GuardCatalogue.Standard.Names, "every guard C# knows is listed here");

        var names = written.Select(text =>
        {
            GuardCatalogue.Standard.TryParse(text, out var spec, out _);
            return spec!.DisplayName(Stages);
        });

        names.Should().Equal("申报人填报与单位审核开放期间", "申报人填报与单位审核截止后", "材料齐全", "逐项核验完毕", "已选定单位公示日期", "单位公示期满", "单位公示无异议", "单位公示有异议");
    }
}
