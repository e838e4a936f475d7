using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Tests.Common;

namespace TitleReview.Domain.Tests.Campaigns;

/// <summary>Each rule of the office's details, broken one at a time, with the notice's 2023 values as the valid case.</summary>
public class OfficeDetailsTests
{
    private static readonly OfficeDetailsDraft Notice2023 = new(
        "贵阳市南明区广顺路1号省委办公业务大楼",
        "1023室（省政工职评办）",
        [new("金老师", "13007817627", "系统操作咨询"), new("张老师", "0851-85823885", "政策咨询")],
        "853965686",
        "贵州省贵阳市广顺路1号省委宣传部宣传教育处（省政工职评办）",
        "龚诚",
        "0851-85893109",
        "中共贵州省委宣传部",
        "2402009709008830707—000000001",
        "工行贵州分行营业部西湖路支行",
        "102701000336",
        "11520000009390068R",
        null);

    [Test]
    public void Create_WithTheNoticesValues_KeepsTheAccountNumberAsWritten_AndDefaultsTheRemark()
    {
        var details = OfficeDetails.Create(Notice2023 with { Contacts = [.. Notice2023.Contacts, new(" ", null, "")] });

        details.AccountNumber.Should().Be("2402009709008830707—000000001");
        details.TransferRemark.Should().Be("政工系列评审费");
        details.Contacts.Should().HaveCount(2, "a blank row is not a contact");
    }

    [Test]
    public void Create_WithAMissingPayeeAndNoContact_BreaksTheRule_NamingBoth()
    {
        var rule = RuleAssert.Breaks<OfficeDetailsKeepTheirRulesRule>(() => OfficeDetails.Create(Notice2023 with { PayeeName = " ", Contacts = [] }));

        rule.Message.Should().Contain("请填写收款单位名称").And.Contain("请至少填写一位联系人");
    }

    [TestCase("2402009709008830707—000000001", true)]
    [TestCase("2402 0097 0900 8830 707", true)]
    [TestCase("2402009709008830707-1", true)]
    [TestCase("24020097O9008830707", false)]
    [TestCase("1234567", false)]
    [TestCase("2402009709008830707——1", false)]
    public void AccountNumber_IsDigitsGroupedWithAnOptionalSuffix(string account, bool valid)
    {
        OfficeDetailsRules.AccountNumberIsWrittenAsBanksWriteIt(Notice2023 with { AccountNumber = account }).Any().Should().Be(!valid);
    }

    [TestCase("102701000336", true)]
    [TestCase("10270100033", false)]
    [TestCase("10270100033X", false)]
    public void BranchNumber_HasTwelveDigits(string branch, bool valid)
    {
        OfficeDetailsRules.BranchNumberHasTwelveDigits(Notice2023 with { BranchNumber = branch }).Any().Should().Be(!valid);
    }

    [Test]
    public void TaxpayerNumber_InLowerCase_IsAcceptedInCapitals_AndAWrongLengthIsRefused()
    {
        OfficeDetails.Create(Notice2023 with { TaxpayerNumber = "11520000009390068r" }).TaxpayerNumber.Should().Be("11520000009390068R");
        OfficeDetailsRules.Check(Notice2023 with { TaxpayerNumber = "1152000000939006" }).Should().ContainSingle(p => p.Field == "taxpayerNumber");
    }

    [Test]
    public void Phones_ThatAreNeitherMobileNorLandline_AreNamedByTheirField()
    {
        var problems = OfficeDetailsRules.Check(Notice2023 with { Contacts = [new("金老师", "85893109", "系统操作咨询")], MailPhone = "12345678901" });

        problems.Select(p => p.Field).Should().BeEquivalentTo(["contacts[0].phone", "mailPhone"]);
    }

    [Test]
    public void Contact_WithANameButNoTopic_IsRefused()
    {
        OfficeDetailsRules.EachContactHasNamePhoneAndTopic(OfficeDetailsRules.Normalize(Notice2023 with { Contacts = [new("金老师", "13007817627", null)] }))
            .Should().ContainSingle().Which.Field.Should().Be("contacts[0].topic");
    }

    [TestCase("0853965686")]
    [TestCase("1234")]
    [TestCase("QQ853965686")]
    public void QqGroup_ThatIsNotAQqNumber_IsRefused(string qq)
    {
        OfficeDetailsRules.QqGroupIsANumber(Notice2023 with { QqGroup = qq }).Should().ContainSingle();
    }

    [Test]
    public void Texts_LongerThanTheirFields_AreRefused()
    {
        OfficeDetailsRules.TextsFitTheirLengths(Notice2023 with { DeliveryAddress = new string('路', OfficeDetailsRules.MaxAddressLength + 1) })
            .Should().ContainSingle().Which.Message.Should().Be($"纸质材料报送地址不能超过 {OfficeDetailsRules.MaxAddressLength} 个字。");
    }

    [Test]
    public void ChangedFrom_NamesOnlyTheFieldsThatDiffer()
    {
        var before = OfficeDetails.Create(Notice2023);
        var after = OfficeDetails.Create(Notice2023 with { DeliveryRoom = "1024室" });

        after.ChangedFrom(before).Should().Equal("报送房间");
        after.ChangedFrom(after).Should().BeEmpty();
    }

    [Test]
    public void Campaign_PublishingDetails_ReplacesThemAndRenewsTheToken()
    {
        var catalogue = new StageCatalogue([new StageDefinition("filing", "申报人填报与单位审核")]);
        var opens = new DateTimeOffset(2030, 8, 1, 0, 0, 0, TimeSpan.Zero);
        var campaign = Campaign.Create(Guid.NewGuid(), 2030, "2030年度评审", new DateOnly(2030, 12, 31), [new("filing", "申报人填报与单位审核", opens, opens.AddDays(31))], catalogue, opens);
        var token = campaign.ConcurrencyToken;

        campaign.PublishOfficeDetails(OfficeDetails.Create(Notice2023)).Should().BeNull();

        campaign.OfficeDetails!.DeliveryRoom.Should().Be("1023室（省政工职评办）");
        campaign.ConcurrencyToken.Should().NotBe(token);
    }
}
