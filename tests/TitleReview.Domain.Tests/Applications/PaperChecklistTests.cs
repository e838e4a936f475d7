using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Units;

namespace TitleReview.Domain.Tests.Applications;

/// <summary>The notice's rules for the entrustment letter and the civil-service papers.</summary>
public class PaperChecklistTests
{
    [TestCase(UnitNature.ProvincialEnterprise, TitleLevel.Intermediate, false, TestName = "EntrustmentLetter_ProvincialEnterpriseIntermediate_NotNeeded")]
    [TestCase(UnitNature.CityOrPrefectureEnterprise, TitleLevel.Intermediate, true, TestName = "EntrustmentLetter_CityEnterpriseIntermediate_Needed")]
    [TestCase(UnitNature.CityOrPrefectureEnterprise, TitleLevel.Senior, false, TestName = "EntrustmentLetter_CityEnterpriseSenior_NotNeeded")]
    [TestCase(UnitNature.CityOrPrefectureEnterprise, TitleLevel.Assistant, false, TestName = "EntrustmentLetter_CityEnterpriseAssistant_NotNeeded")]
    [TestCase(UnitNature.Other, TitleLevel.Intermediate, true, TestName = "EntrustmentLetter_OtherNonProvincialIntermediate_Needed")]
    [TestCase(UnitNature.OutOfProvinceEnterprise, TitleLevel.Intermediate, true, TestName = "EntrustmentLetter_OutOfProvinceIntermediate_Needed")]
    [TestCase(UnitNature.OutOfProvinceEnterprise, TitleLevel.Senior, true, TestName = "EntrustmentLetter_OutOfProvinceSenior_Needed")]
    [TestCase(UnitNature.OutOfProvinceEnterprise, TitleLevel.Assistant, false, TestName = "EntrustmentLetter_OutOfProvinceAssistant_NotNeeded")]
    public void EntrustmentLetter(UnitNature nature, TitleLevel level, bool needed)
    {
        var items = PaperChecklist.For(nature, level, EvaluationType.Regular, fromCivilService: false);

        items.Any(i => i.Name == "委托评审函").Should().Be(needed);
    }

    [TestCase(EvaluationType.FirstEvaluation, true, true)]
    [TestCase(EvaluationType.FirstEvaluation, false, false)]
    [TestCase(EvaluationType.Regular, true, false)]
    public void CivilServicePapers_OnlyForAFirstEvaluationAfterTheCivilService(EvaluationType type, bool fromCivilService, bool needed)
    {
        var items = PaperChecklist.For(UnitNature.ProvincialEnterprise, TitleLevel.Intermediate, type, fromCivilService);

        items.Any(i => i.Name.Contains("公务员登记表")).Should().Be(needed);
    }

    [Test]
    public void Checklist_AlwaysHasThePublicityResultThePledgesTheReviewFormAndThePhoto()
    {
        var items = PaperChecklist.For(UnitNature.ProvincialEnterprise, TitleLevel.Assistant, EvaluationType.Regular, false);

        items.Select(i => i.Number).Should().Equal(2, 3, 4, 6);
        items.Single(i => i.Number == 4).Copies.Should().Contain("2 份").And.Contain("双面");
    }

    [Test]
    public void VerificationCodes_AvoidCharactersMisreadOnPaper()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => GeneratedDocument.NewCode()).ToList();

        codes.Should().OnlyContain(c => c.Length == GeneratedDocument.CodeLength && c.All(ch => GeneratedDocument.CodeAlphabet.Contains(ch)));
        codes.SelectMany(c => c).Should().NotContain(['0', 'O', '1', 'I', 'L']);
        GeneratedDocument.NormalizeCode(" ab cd-ef 23 ").Should().Be("ABCDEF23");
    }
}
