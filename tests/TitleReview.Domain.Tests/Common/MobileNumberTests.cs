using TitleReview.Domain.Common;

namespace TitleReview.Domain.Tests.Common;

public class MobileNumberTests
{
    [TestCase("13812345678")]
    [TestCase("15985012345")]
    [TestCase("19912345678")]
    public void Validate_WhenElevenDigitsStarting13To19_IsValid(string number)
    {
        var result = MobileNumber.Validate(number);

        result.IsValid.Should().BeTrue(result.Error);
        result.Normalized.Should().Be(number);
        result.Error.Should().BeNull();
    }

    [TestCase("+8613812345678")]
    [TestCase("+86 138 1234 5678")]
    [TestCase("+86-138-1234-5678")]
    [TestCase("8613812345678")]
    [TestCase("138-1234-5678")]
    [TestCase(" 138 1234 5678 ")]
    public void Validate_WhenCountryCodeOrSeparators_StripsThem(string number)
    {
        var result = MobileNumber.Validate(number);

        result.IsValid.Should().BeTrue(result.Error);
        result.Normalized.Should().Be("13812345678");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase(" - ")]
    public void Validate_WhenEmpty_AsksToFillIn(string? number)
    {
        var result = MobileNumber.Validate(number);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be("请填写手机号码。");
    }

    [TestCase("138123456789", 12, TestName = "Validate_WhenTwelveDigits_RefusesNamingLength")]
    [TestCase("1381234567", 10, TestName = "Validate_WhenTenDigits_RefusesNamingLength")]
    [TestCase("+86138123456789", 12, TestName = "Validate_WhenTwelveDigitsAfterPlus86_RefusesNamingLength")]
    public void Validate_WhenWrongLength_RefusesNamingLength(string number, int length)
    {
        var result = MobileNumber.Validate(number);

        result.IsValid.Should().BeFalse();
        result.Normalized.Should().BeNull();
        result.Error.Should().Be($"手机号码应为 11 位数字，当前为 {length} 位。");
    }

    [TestCase("138abcd5678", "a")]
    [TestCase("138.1234.5678", ".")]
    [TestCase("(0851)8123456", "(")]
    [TestCase("+44 7911 123456", "+")]
    public void Validate_WhenNotDigits_RefusesNamingCharacter(string number, string character)
    {
        var result = MobileNumber.Validate(number);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be($"手机号码只能包含数字，当前含有“{character}”。");
    }

    [TestCase("12812345678", "12", TestName = "Validate_WhenStarting12_RefusesNamingPrefix")]
    [TestCase("10012345678", "10", TestName = "Validate_WhenStarting10_RefusesNamingPrefix")]
    [TestCase("23812345678", "23", TestName = "Validate_WhenNotStartingWith1_RefusesNamingPrefix")]
    [TestCase("08518123456", "08", TestName = "Validate_WhenLandlineWithAreaCode_RefusesNamingPrefix")]
    public void Validate_WhenWrongPrefix_RefusesNamingPrefix(string number, string prefix)
    {
        var result = MobileNumber.Validate(number);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be($"手机号码应以 13 至 19 开头，当前以“{prefix}”开头。");
    }

    [TestCase("13812345678")]
    [TestCase("+86 138-1234-5678")]
    public void Mask_KeepsFirstThreeAndLastFourOfNormalizedNumber(string number)
    {
        MobileNumber.Mask(number).Should().Be("138****5678");
    }

    [TestCase("1381234", "*******")]
    [TestCase(null, "")]
    public void Mask_WhenTooShortToKeepEnds_HidesEverything(string? number, string expected)
    {
        MobileNumber.Mask(number).Should().Be(expected);
    }

    [TestCase("13900000201", "139****0201")]
    [TestCase("office", "office")]
    [TestCase("auditor1", "auditor1")]
    [TestCase("12812345678", "12812345678", TestName = "MaskIfMobile_WhenElevenDigitsButNotAMobile_KeepsIt")]
    [TestCase(null, "")]
    public void MaskIfMobile_MasksOnlyUserNamesThatAreMobileNumbers(string? userName, string expected)
    {
        MobileNumber.MaskIfMobile(userName).Should().Be(expected);
    }
}
