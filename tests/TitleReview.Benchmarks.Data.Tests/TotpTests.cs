using System.Text;
using TitleReview.Benchmarks.Data;

namespace TitleReview.Benchmarks.Data.Tests;

public class TotpTests
{
    /// <summary>RFC 6238 appendix B (SHA-1, key "12345678901234567890"): the last six of its eight digits.</summary>
    [TestCase(59L, "287082")]
    [TestCase(1111111109L, "081804")]
    [TestCase(1111111111L, "050471")]
    [TestCase(1234567890L, "005924")]
    [TestCase(2000000000L, "279037")]
    [TestCase(20000000000L, "353130")]
    public void Code_WhenTheRfcTestVector_GivesTheRfcCode(long unixSeconds, string expected)
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");

        Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).Should().Be(expected);
    }

    [Test]
    public void Code_WhenTheKeyIsGivenInBase32_GivesTheSameCode()
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");

        Totp.Code(Totp.ToBase32(key), DateTimeOffset.FromUnixTimeSeconds(59)).Should().Be("287082");
    }

    [TestCase("foobar", "MZXW6YTBOI")]
    [TestCase("f", "MY")]
    [TestCase("", "")]
    public void ToBase32_WhenRfc4648Vectors_WritesThemWithoutPadding(string text, string expected)
    {
        var bytes = Encoding.ASCII.GetBytes(text);

        Totp.ToBase32(bytes).Should().Be(expected);
        Totp.FromBase32(expected).Should().Equal(bytes);
    }
}
