using TitleReview.Domain.Applications.Dossier;

namespace TitleReview.Domain.Tests.Applications;

/// <summary>An item is ticked as checked only after the auditor has opened each of its scans.</summary>
public class ScansOpenedBeforeVerifyingTests
{
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();

    [Test]
    public void Rule_WhenOneScanIsUnopened_IsBrokenNamingTheItemAndTheCount()
    {
        var rule = new ScansOpenedBeforeVerifyingRule("论文：浅谈企业青年职工思想政治工作", [First, Second], [First]);

        rule.IsBroken().Should().BeTrue();
        rule.Message.Should().Be("请先打开查看“论文：浅谈企业青年职工思想政治工作”的全部扫描件（还有 1 份未打开），核对无误后再勾选“核验无误”。");
    }

    [Test]
    public void Rule_WhenEveryScanIsOpened_IsKept()
    {
        new ScansOpenedBeforeVerifyingRule("个人基本信息", [First, Second], [Second, First]).IsBroken().Should().BeFalse();
    }

    [Test]
    public void Rule_WhenOpeningsAreOfOtherScans_IsBroken()
    {
        new ScansOpenedBeforeVerifyingRule("个人基本信息", [First], [Second]).IsBroken().Should().BeTrue();
    }

    [Test]
    public void Rule_WhenTheItemHasNoScan_IsKept()
    {
        new ScansOpenedBeforeVerifyingRule("继续教育学时", [], []).IsBroken().Should().BeFalse();
    }

    [TestCase(AttachmentSlots.Appointment, DossierItemKeys.Personal)]
    [TestCase(AttachmentSlots.Employment, DossierItemKeys.Personal)]
    [TestCase(AttachmentSlots.Qualification, DossierItemKeys.Personal)]
    [TestCase(AttachmentSlots.EducationCertificate, DossierItemKeys.Education)]
    [TestCase("paper.3f2c", "paper.3f2c", TestName = "ItemKeyOf_WhenAnEntrysSlot_IsTheEntry")]
    public void ItemKeyOf_MapsEachSlotToItsMandatoryItem(string slot, string itemKey)
    {
        AttachmentSlots.ItemKeyOf(slot).Should().Be(itemKey);
    }

    [Test]
    public void Record_WithoutAUser_Throws()
    {
        var act = () => AttachmentOpening.Record(First, " ", DateTimeOffset.UnixEpoch);

        act.Should().Throw<ArgumentException>();
    }
}
