using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.SpotChecks;

namespace TitleReview.Domain.Tests.Applications.SpotChecks;

/// <summary>The worked example of docs/spot-check-draw.md, value by value: the page and the code cannot drift apart.</summary>
public class SpotCheckAlgorithmTests
{
    private const string Seed = "e619e1fb7923b54e9f5507242cbb7ae84be069c4820aab0265e05255a51c84a1";

    private static readonly DrawUnit[] Units = [new("DW2023-0001", "示例单位甲"), new("DW2023-0002", "示例单位乙")];

    private static readonly DrawCandidate[] Candidates =
    [
        new("001", "李*", "DW2023-0001", TitleLevel.Intermediate),
        new("002", "欧阳**", "DW2023-0001", TitleLevel.Assistant),
        new("003", "赵*", "DW2023-0002", TitleLevel.Senior),
        new("004", "张*", "DW2023-0002", TitleLevel.Intermediate),
        new("005", "王*", "DW2023-0002", TitleLevel.Intermediate),
    ];

    [Test]
    public void Select_TheWorkedExample_GivesTheDocumentedValues()
    {
        var rules = new SpotCheckRules(new DrawAmount(DrawMode.Percent, 50), null, new DrawAmount(DrawMode.Count, 1), false, new DateOnly(2023, 10, 30));

        SpotCheckAlgorithm.Commitment(Seed).Should().Be("d37e1f438e238a52c033d5d200a087a0ccb2c82aaf96711a61ab8217f88f3cc2");
        SpotCheckAlgorithm.CandidatesDigest(Units, Candidates).Should().Be("56a91d22ac05d93cc765e50aae9492d806ef1130da48c3f9a5e8fe5483ea37fa");
        SpotCheckAlgorithm.Score(Seed, "581", "unit", "DW2023-0001").Should().Be("14926048d23b798971045d5903eb81f34ef86b0616dac593f3e513ff89022c91");
        SpotCheckAlgorithm.Score(Seed, "581", "unit:DW2023-0001", "002").Should().Be("b14a7102a2c2f3d558bd738c6baa0bda7cd77ec0b827fc7978d09f78cb813cdd");
        SpotCheckAlgorithm.Score(Seed, "581", "person", "004").Should().Be("440ad246554a5c502a0ef2e37edf3efb05a87802ec76539b21bcbe4cb8c32138");

        var selection = SpotCheckAlgorithm.Select(Seed, " 581 ", rules, Units, Candidates);

        selection.Units.Should().Equal("DW2023-0001");
        selection.PersonsInUnits.Should().Equal("002", "001");
        selection.PersonsAcross.Should().Equal("004");
    }

    [Test]
    public void NormalizePublicValue_OfADecomposedCharacter_ComposesIt() =>
        SpotCheckAlgorithm.NormalizePublicValue(" e\u0301 ").Should().Be("\u00e9");

    [Test]
    public void NewSeed_IsWellFormed_AndDifferentEachTime()
    {
        var first = SpotCheckAlgorithm.NewSeed();

        SpotCheckAlgorithm.IsWellFormedSeed(first).Should().BeTrue();
        SpotCheckAlgorithm.NewSeed().Should().NotBe(first);
    }
}
