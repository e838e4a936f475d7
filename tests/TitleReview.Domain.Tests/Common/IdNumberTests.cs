using TitleReview.Domain.Common;

namespace TitleReview.Domain.Tests.Common;

/// <summary>All numbers here are invented or the standard's published sample; none belongs to a real person.</summary>
public class IdNumberTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    // Checked by hand: Σ digit×weight = 167, 167 mod 11 = 2 → 'X' (GB 11643-1999 sample).
    private const string PublishedSample = "11010519491231002X";

    // Checked by hand: Σ digit×weight = 261, 261 mod 11 = 8 → '4'.
    private const string Invented = "522701199003071234";

    [TestCase(PublishedSample)]
    [TestCase(Invented)]
    public void Validate_WhenHandCheckedNumber_IsValid(string number)
    {
        var result = IdNumber.Validate(number, Today);

        result.IsValid.Should().BeTrue(result.Error);
        result.Normalized.Should().Be(number);
        result.Error.Should().BeNull();
    }

    [TestCase("52270119900307123")]
    [TestCase("52010220000229001", TestName = "Validate_WhenBornOnLeapDay_IsValid")]
    [TestCase("52010219000101001", TestName = "Validate_WhenBornOnEarliestAcceptedDay_IsValid")]
    [TestCase("52010220250601001", TestName = "Validate_WhenBornToday_IsValid")]
    public void Validate_WhenCheckCharacterComputedByAlgorithm_IsValid(string first17)
    {
        var number = first17 + CheckCharacter(first17);

        IdNumber.Validate(number, Today).IsValid.Should().BeTrue($"{number} carries its computed check character");
    }

    [Test]
    public void Validate_WhenLowerCaseXAndSpaces_NormalizesToUpperCaseX()
    {
        var result = IdNumber.Validate("  11010519491231002x ", Today);

        result.IsValid.Should().BeTrue(result.Error);
        result.Normalized.Should().Be(PublishedSample);
    }

    [Test]
    public void Validate_WhenAnyOtherCheckCharacter_RefusesWithCheckMessage()
    {
        foreach (var wrong in "0123456789".Where(c => c != '4'))
        {
            var result = IdNumber.Validate(Invented[..17] + wrong, Today);

            result.IsValid.Should().BeFalse($"'{wrong}' is not the check character of {Invented[..17]}");
            result.Error.Should().Be("身份证号码校验位（第 18 位）错误，请逐位核对后重新填写。");
        }
    }

    [TestCase("110105194912310021", TestName = "Validate_WhenXReplacedByDigit_RefusesWithCheckMessage")]
    [TestCase("52270119900307123X", TestName = "Validate_WhenXWhereDigitBelongs_RefusesWithCheckMessage")]
    [TestCase("522701199003071324", TestName = "Validate_WhenNeighboursSwapped_RefusesWithCheckMessage")]
    public void Validate_WhenCheckCharacterWrong_RefusesWithCheckMessage(string number)
    {
        var result = IdNumber.Validate(number, Today);

        result.IsValid.Should().BeFalse();
        result.Normalized.Should().BeNull();
        result.Error.Should().Be("身份证号码校验位（第 18 位）错误，请逐位核对后重新填写。");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void Validate_WhenEmpty_AsksToFillIn(string? number)
    {
        var result = IdNumber.Validate(number, Today);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be("请填写身份证号码。");
    }

    [TestCase("52270119900307123", 17)]
    [TestCase("5227011990030712345", 19)]
    [TestCase("522701900307123", 15, TestName = "Validate_WhenOldFifteenDigitNumber_RefusesNamingLength")]
    public void Validate_WhenWrongLength_RefusesNamingLength(string number, int length)
    {
        var result = IdNumber.Validate(number, Today);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be($"身份证号码应为 18 位，当前为 {length} 位。");
    }

    [TestCase("A22701199003071234", 1, "A")]
    [TestCase("5227011990O3071234", 11, "O")]
    [TestCase("5227011990030712X4", 17, "X")]
    [TestCase("522701 99003071234", 7, " ")]
    public void Validate_WhenNonDigitInFirstSeventeen_NamesPositionAndCharacter(string number, int position, string character)
    {
        var result = IdNumber.Validate(number, Today);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be($"身份证号码前 17 位应为数字，第 {position} 位为“{character}”。");
    }

    [TestCase("52270119900307123Y", "Y")]
    [TestCase("52270119900307123*", "*")]
    public void Validate_WhenLastCharacterNeitherDigitNorX_NamesIt(string number, string character)
    {
        var result = IdNumber.Validate(number, Today);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be($"身份证号码第 18 位应为数字或 X，当前为“{character}”。");
    }

    [TestCase("52270119900230123", "19900230", TestName = "Validate_WhenBornOn30February_RefusesNamingDate")]
    [TestCase("52270120010229123", "20010229", TestName = "Validate_WhenBornOn29FebruaryOfCommonYear_RefusesNamingDate")]
    [TestCase("52270119000229123", "19000229", TestName = "Validate_WhenBornOn29February1900_RefusesNamingDate")]
    [TestCase("52270119901301123", "19901301", TestName = "Validate_WhenMonth13_RefusesNamingDate")]
    [TestCase("52270119900400123", "19900400", TestName = "Validate_WhenDay00_RefusesNamingDate")]
    public void Validate_WhenBirthDateNotRealDate_RefusesNamingDate(string first17, string dateText)
    {
        // The check character is right, so only the date is wrong.
        var result = IdNumber.Validate(first17 + CheckCharacter(first17), Today);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be($"身份证号码中的出生日期“{dateText}”不是有效日期。");
    }

    [TestCase("52270120250602123", "20250602", TestName = "Validate_WhenBornTomorrow_RefusesAsFuture")]
    [TestCase("52270120990101123", "20990101", TestName = "Validate_WhenBornIn2099_RefusesAsFuture")]
    public void Validate_WhenBirthDateInFuture_RefusesNamingDate(string first17, string dateText)
    {
        var result = IdNumber.Validate(first17 + CheckCharacter(first17), Today);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be($"身份证号码中的出生日期“{dateText}”晚于今天。");
    }

    [Test]
    public void Validate_WhenTodayMovesForward_AcceptsSameBirthDate()
    {
        const string first17 = "52270120250602123";
        var number = first17 + CheckCharacter(first17);

        IdNumber.Validate(number, Today).IsValid.Should().BeFalse();
        IdNumber.Validate(number, Today.AddDays(1)).IsValid.Should().BeTrue();
    }

    [Test]
    public void Validate_WhenBornBefore1900_RefusesNamingDate()
    {
        const string first17 = "52270118991231123";

        var result = IdNumber.Validate(first17 + CheckCharacter(first17), Today);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be("身份证号码中的出生日期“18991231”早于 1900 年 1 月 1 日。");
    }

    [TestCase(PublishedSample, 1949, 12, 31)]
    [TestCase(Invented, 1990, 3, 7)]
    [TestCase(" 11010519491231002x ", 1949, 12, 31)]
    public void BirthDate_WhenPositionsSevenToFourteenFormDate_ReturnsIt(string number, int year, int month, int day)
    {
        IdNumber.BirthDate(number).Should().Be(new DateOnly(year, month, day));
    }

    [TestCase("522701199002301234", TestName = "BirthDate_When30February_ReturnsNull")]
    [TestCase("52270119900307123", TestName = "BirthDate_WhenWrongLength_ReturnsNull")]
    [TestCase("5227011990A3071234", TestName = "BirthDate_WhenLetterInDate_ReturnsNull")]
    [TestCase(null, TestName = "BirthDate_WhenNull_ReturnsNull")]
    public void BirthDate_WhenNoRealDate_ReturnsNull(string? number)
    {
        IdNumber.BirthDate(number).Should().BeNull();
    }

    [TestCase(PublishedSample, "110105********002X")]
    [TestCase(" 11010519491231002x", "110105********002X")]
    [TestCase(Invented, "522701********1234")]
    public void Mask_KeepsFirstSixAndLastFour(string number, string expected)
    {
        IdNumber.Mask(number).Should().Be(expected);
    }

    [TestCase("5227011990", "**********")]
    [TestCase(null, "")]
    public void Mask_WhenTooShortToKeepEnds_HidesEverything(string? number, string expected)
    {
        IdNumber.Mask(number).Should().Be(expected);
    }

    /// <summary>GB 11643-1999 check character, written independently of the production code.</summary>
    private static char CheckCharacter(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return "10X98765432"[sum % 11];
    }
}
