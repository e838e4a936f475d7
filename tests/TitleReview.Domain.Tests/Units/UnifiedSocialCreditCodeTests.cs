using TitleReview.Domain.Units;

namespace TitleReview.Domain.Tests.Units;

public class UnifiedSocialCreditCodeTests
{
    private const string Valid = "91522700MA6DQ8K2XF";

    [TestCase("91522700MA6DQ8K2XF")]
    [TestCase("91520000MA6H3T7P04")]
    public void Validate_WhenRealFormatCode_IsValid(string code)
    {
        var result = UnifiedSocialCreditCode.Validate(code);

        result.IsValid.Should().BeTrue(result.Error);
        result.Normalized.Should().Be(code);
        result.Error.Should().BeNull();
    }

    [Test]
    public void Validate_WhenCheckSumLeavesNoRemainder_AcceptsZeroAsCheckCharacter()
    {
        // Σ value×weight of the first 17 is a multiple of 31, so 31 − 0 = 31, which maps to '0'.
        UnifiedSocialCreditCode.Validate("91520000MA6H3T7P90").IsValid.Should().BeTrue();
        UnifiedSocialCreditCode.Validate("91520000MA6H3T7P9Y").IsValid.Should().BeFalse();
    }

    [Test]
    public void Validate_WhenLowerCaseWithSurroundingSpaces_NormalizesToUpperCase()
    {
        var result = UnifiedSocialCreditCode.Validate("  91522700ma6dq8k2xf\t");

        result.IsValid.Should().BeTrue(result.Error);
        result.Normalized.Should().Be(Valid);
    }

    [TestCase("91522700MA6DQ8K2")]
    [TestCase("1100000000000000")]
    [TestCase("52010000MA6DQ8K2")]
    [TestCase("Y1520000000000RT")]
    public void Validate_WhenCheckCharacterComputedByAlgorithm_IsValid(string first16)
    {
        foreach (var position17 in "0AY")
        {
            var first17 = first16 + position17;
            var code = first17 + CheckCharacter(first17);

            UnifiedSocialCreditCode.Validate(code).IsValid.Should().BeTrue($"{code} carries its computed check character");
        }
    }

    [Test]
    public void Validate_WhenAnyOtherCheckCharacter_RefusesWithCheckMessage()
    {
        foreach (var wrong in UnifiedSocialCreditCode.Alphabet.Where(c => c != 'F'))
        {
            var result = UnifiedSocialCreditCode.Validate(Valid[..17] + wrong);

            result.IsValid.Should().BeFalse($"'{wrong}' is not the check character of {Valid[..17]}");
            result.Error.Should().Be("统一社会信用代码校验位（第 18 位）错误，请逐位核对后重新填写。");
        }
    }

    [TestCase("91522700MA6DQ8K3XF", TestName = "Validate_WhenOneBodyCharacterMistyped_RefusesWithCheckMessage")]
    [TestCase("91522700AM6DQ8K2XF", TestName = "Validate_WhenTwoNeighboursSwapped_RefusesWithCheckMessage")]
    public void Validate_WhenBodyAltered_RefusesWithCheckMessage(string code)
    {
        var result = UnifiedSocialCreditCode.Validate(code);

        result.IsValid.Should().BeFalse();
        result.Normalized.Should().BeNull();
        result.Error.Should().StartWith("统一社会信用代码校验位");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Validate_WhenEmpty_AsksToFillIn(string? code)
    {
        var result = UnifiedSocialCreditCode.Validate(code);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be("请填写统一社会信用代码。");
    }

    [TestCase("91522700MA6DQ8K2X", 17)]
    [TestCase("91522700MA6DQ8K2XF1", 19)]
    [TestCase("522700MA6DQ8K2X", 15)]
    public void Validate_WhenWrongLength_NamesActualLength(string code, int length)
    {
        var result = UnifiedSocialCreditCode.Validate(code);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be($"统一社会信用代码应为 18 位，当前为 {length} 位。");
    }

    [TestCase('I')]
    [TestCase('O')]
    [TestCase('Z')]
    [TestCase('S')]
    [TestCase('V')]
    public void Validate_WhenForbiddenLetter_NamesCharacterAndPosition(char letter)
    {
        // Position 10 holds 'A' in the valid code.
        var code = Valid[..9] + letter + Valid[10..];

        var result = UnifiedSocialCreditCode.Validate(code);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be(
            $"统一社会信用代码第 10 位的字符“{letter}”无效：只能使用数字和除 I、O、Z、S、V 以外的大写英文字母。");
    }

    [Test]
    public void Validate_WhenLowerCaseForbiddenLetter_NamesUpperCaseCharacter()
    {
        var result = UnifiedSocialCreditCode.Validate("o1522700MA6DQ8K2XF");

        result.IsValid.Should().BeFalse();
        result.Error.Should().StartWith("统一社会信用代码第 1 位的字符“O”无效");
    }

    [TestCase("91522700MA6DQ8K2X-", "18", "-")]
    [TestCase("915227００MA6DQ8K2XF", "7", "０")]
    public void Validate_WhenCharacterOutsideAlphabet_NamesCharacterAndPosition(string code, string position, string character)
    {
        var result = UnifiedSocialCreditCode.Validate(code);

        result.IsValid.Should().BeFalse();
        result.Error.Should().StartWith($"统一社会信用代码第 {position} 位的字符“{character}”无效");
    }

    [TestCase("9152A700MA6DQ8K2X", "52A700")]
    [TestCase("91YYYYYYMA6DQ8K2X", "YYYYYY")]
    public void Validate_WhenDivisionCodeNotSixDigits_RefusesNamingIt(string first17, string division)
    {
        // The check character is right, so only the division code is wrong.
        var result = UnifiedSocialCreditCode.Validate(first17 + CheckCharacter(first17));

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be($"统一社会信用代码第 3 至 8 位应为 6 位数字的行政区划码，当前为“{division}”。");
    }

    [Test]
    public void Mask_WhenValidCode_KeepsFirstFourAndLastFour()
    {
        UnifiedSocialCreditCode.Mask(Valid).Should().Be("9152**********K2XF");
    }

    [Test]
    public void Mask_WhenLowerCaseWithSpaces_MasksNormalizedCode()
    {
        UnifiedSocialCreditCode.Mask(" 91520000ma6h3t7p04 ").Should().Be("9152**********7P04");
    }

    [TestCase("91522", "*****")]
    [TestCase(null, "")]
    public void Mask_WhenTooShortToKeepEnds_HidesEverything(string? code, string expected)
    {
        UnifiedSocialCreditCode.Mask(code).Should().Be(expected);
    }

    /// <summary>GB 32100-2015 check character, written independently of the production code.</summary>
    private static char CheckCharacter(string first17)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = first17.Select((c, i) => alphabet.IndexOf(c, StringComparison.Ordinal) * weights[i]).Sum();
        var value = 31 - (sum % 31);
        return alphabet[value == 31 ? 0 : value];
    }
}
