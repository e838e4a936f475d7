using TitleReview.Domain.Units;

namespace TitleReview.Domain.Tests.Units;

public class RegistrationAccessTokenTests
{
    [Test]
    public void New_IsTwentyBase32CharactersInFourGroups_CarryingOneHundredBits()
    {
        var token = RegistrationAccessToken.New();

        token.Should().MatchRegex("^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$");
        (RegistrationAccessToken.Length * Math.Log2(32)).Should().BeGreaterThanOrEqualTo(100);
    }

    [Test]
    public void New_NeverRepeats_AndUsesEveryCharacterAboutEquallyOften()
    {
        var tokens = Enumerable.Range(0, 5000).Select(_ => RegistrationAccessToken.New()).ToList();

        tokens.Should().OnlyHaveUniqueItems();
        var counts = tokens.SelectMany(t => t.Replace("-", string.Empty)).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        counts.Should().HaveCount(32, "all of Crockford's base32 alphabet appears");
        var expected = 5000 * RegistrationAccessToken.Length / 32.0;
        counts.Values.Should().OnlyContain(n => Math.Abs(n - expected) < expected * 0.15, "each character is about equally likely");
    }

    [Test]
    public void Hash_FoldsCaseSpacesDashesAndLookAlikes_ButNothingElse()
    {
        var token = "ABCDE-FGH1K-MN0PQ-RSTVW";
        var hash = RegistrationAccessToken.Hash(token);

        RegistrationAccessToken.Hash("abcde fghik mnopq rstvw").Should().Be(hash);
        RegistrationAccessToken.Hash("ABCDEFGHLKMNOPQRSTVW").Should().Be(hash);
        RegistrationAccessToken.Hash("ABCDE-FGH1K-MN0PQ-RSTVX").Should().NotBe(hash);
        hash.Should().HaveLength(64).And.NotContain("ABCDE");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("DW2026-0001")]
    [TestCase("91520000MA6H3T7P04")]
    [TestCase("ABCDE-FGHJK-MNPQR-STVW")]
    [TestCase("ABCDE-FGHJK-MNPQR-STVWXY")]
    [TestCase("ABCDE-FGHJK-MNPQR-STVWU")]
    public void Hash_OfSomethingThatIsNotAToken_IsNull(string? typed) =>
        RegistrationAccessToken.Hash(typed).Should().BeNull();
}
