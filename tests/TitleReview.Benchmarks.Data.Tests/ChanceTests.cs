using TitleReview.Benchmarks.Data;
using TitleReview.Domain.Common;
using TitleReview.Domain.Units;

namespace TitleReview.Benchmarks.Data.Tests;

public class ChanceTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Test]
    public void Draws_WhenTheSameSeed_AreTheSame()
    {
        Draw(new Chance(2026)).Should().Equal(Draw(new Chance(2026)));
    }

    [Test]
    public void Draws_WhenAnotherSeed_Differ()
    {
        Draw(new Chance(2026)).Should().NotEqual(Draw(new Chance(2027)));
    }

    [Test]
    public void Numbers_WhenDrawn_PassTheAppsOwnChecks()
    {
        var chance = new Chance(7);
        foreach (var region in Chance.RegionsInGuizhou)
        {
            UnifiedSocialCreditCode.Validate(chance.CreditCode(region)).IsValid.Should().BeTrue();
            IdNumber.Validate(chance.IdNumber(new DateOnly(1985, 3, 9), Today), Today).IsValid.Should().BeTrue();
            MobileNumber.Validate(chance.Mobile()).IsValid.Should().BeTrue();
        }
    }

    [Test]
    public void Mobile_WhenDrawnMany_NeverRepeats()
    {
        var chance = new Chance(1);

        Enumerable.Range(0, 5_000).Select(_ => chance.Mobile()).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void NextGuid_WhenDrawn_IsAVersion4Guid()
    {
        new Chance(3).NextGuid().Version.Should().Be(4);
    }

    private static List<string> Draw(Chance chance) =>
    [
        chance.NextGuid().ToString(),
        chance.PersonName(),
        chance.Mobile(),
        chance.IdNumber(new DateOnly(1990, 1, 2), Today),
        chance.UnitName("贵阳市"),
        chance.CreditCode("贵阳市"),
        chance.Within(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(3)).ToString("O"),
    ];
}
