using TitleReview.Domain.Common;

namespace TitleReview.Domain.Tests.Common;

public class EmailAddressTests
{
    [TestCase(" hr@example.cn ", "hr@example.cn")]
    [TestCase("wang.min+zc@qiannan-energy.com.cn", "wang.min+zc@qiannan-energy.com.cn")]
    public void Validate_AcceptsAddressesAndTrimsThem(string typed, string stored) =>
        EmailAddress.Validate(typed).Normalized.Should().Be(stored);

    [TestCase(null, "请填写电子邮箱。")]
    [TestCase("hr@example", "电子邮箱格式不正确，应如 name@example.com。")]
    [TestCase("hr example@x.cn", "电子邮箱格式不正确，应如 name@example.com。")]
    [TestCase("a@@b.cn", "电子邮箱格式不正确，应如 name@example.com。")]
    public void Validate_RefusesWithAChineseReason(string? typed, string reason) =>
        EmailAddress.Validate(typed).Error.Should().Be(reason);

    [Test]
    public void Validate_RefusesAnAddressLongerThanTheColumn() =>
        EmailAddress.Validate(new string('a', 120) + "@example.cn").IsValid.Should().BeFalse();

    [TestCase("wangmin@example.cn", "w***@example.cn")]
    [TestCase("x@y.cn", "x***@y.cn")]
    [TestCase("broken", "******")]
    public void Mask_KeepsTheFirstCharacterAndTheDomain(string address, string masked) =>
        EmailAddress.Mask(address).Should().Be(masked);
}
