using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Common;
using TitleReview.Domain.Tests.Common;

namespace TitleReview.Domain.Tests.Applications;

/// <summary>The dossier's rules, as its root <see cref="TitleApplication"/> keeps them.</summary>
public class DossierAggregateTests
{
    private static readonly DateTimeOffset Now = new(2023, 8, 10, 12, 0, 0, TimeSpan.Zero);

    private TitleApplication _application = null!;

    [SetUp]
    public void NewApplication() =>
        _application = TitleApplication.Start(Guid.NewGuid(), Guid.NewGuid(), "applicant-1", "李华", Guid.NewGuid(), TitleLevel.Intermediate, Now);

    [Test]
    public void AddEntry_OfANewYear_AddsIt_RenewsTheToken_AndWithdrawsTheEducationTick()
    {
        Tick(DossierItemKeys.Education);
        var token = _application.ConcurrencyToken;

        _application.AddEntry(Education(2022));

        _application.Entries.Should().ContainSingle().Which.Should().BeOfType<ContinuingEducationYear>();
        _application.ConcurrencyToken.Should().NotBe(token);
        _application.IsVerified(DossierItemKeys.Education).Should().BeFalse("the section's figures changed");
    }

    [Test]
    public void AddEntry_OfAYearAlreadyEntered_BreaksOneContinuingEducationEntryPerYear()
    {
        _application.AddEntry(Education(2022));

        var broken = RuleAssert.Breaks<OneContinuingEducationEntryPerYearRule>(() => _application.AddEntry(Education(2022)));

        broken.Message.Should().Be("已填写 2022 年度的继续教育学时；如需修改，请先删除原记录。");
        _application.Entries.Should().ContainSingle();
    }

    [Test]
    public void AddEntry_OfAnotherApplication_IsRefused()
    {
        var act = () => _application.AddEntry(new Paper(Guid.NewGuid(), Guid.NewGuid(), "题目", "刊物", "2022年第1期", "CN00-0000", new DateOnly(2022, 1, 1), 1));

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public void RemoveEntry_TakesItsScanAndItsTick_AndReturnsTheScan()
    {
        var paper = APaper();
        _application.AddEntry(paper);
        var scan = Scan(paper.Key);
        _application.AttachScan(scan);
        Tick(paper.Key, scan.Id);
        var token = _application.ConcurrencyToken;

        var removed = _application.RemoveEntry(paper);

        removed.Should().BeSameAs(scan);
        _application.Entries.Should().BeEmpty();
        _application.Attachments.Should().BeEmpty();
        _application.Verifications.Should().BeEmpty();
        _application.ConcurrencyToken.Should().NotBe(token);
    }

    [Test]
    public void AttachScan_ToAFixedSlot_ReplacingTheEarlierScan_ReturnsItAndWithdrawsTheTick()
    {
        var first = Scan(AttachmentSlots.Employment);
        _application.AttachScan(first);
        Tick(DossierItemKeys.Personal, first.Id);
        var token = _application.ConcurrencyToken;

        var replaced = _application.AttachScan(Scan(AttachmentSlots.Employment));

        replaced.Should().BeSameAs(first);
        _application.Attachments.Should().ContainSingle().Which.Should().NotBeSameAs(first);
        _application.IsVerified(DossierItemKeys.Personal).Should().BeFalse("the auditor has not seen the new scan");
        _application.ConcurrencyToken.Should().NotBe(token);
    }

    [Test]
    public void AttachScan_ToAnEntryOfTheDossier_IsKept()
    {
        var paper = APaper();
        _application.AddEntry(paper);

        _application.AttachScan(Scan(paper.Key)).Should().BeNull();

        _application.ScansOf(paper.Key).Should().ContainSingle();
    }

    [TestCase("personal.photo", TestName = "AttachScan_ToAnUnknownSlot_BreaksScanSlotIsFixedOrAnEntry")]
    [TestCase("Paper:00000000000000000000000000000001", TestName = "AttachScan_ToAnEntryNotInTheDossier_BreaksScanSlotIsFixedOrAnEntry")]
    public void AttachScan_ToAnotherSlot_BreaksScanSlotIsFixedOrAnEntry(string slot)
    {
        RuleAssert.Breaks<ScanSlotIsFixedOrAnEntryRule>(() => _application.AttachScan(Scan(slot))).Message.Should().Be("请选择要上传扫描件的项目。");
        _application.Attachments.Should().BeEmpty();
    }

    [Test]
    public void AttachScan_ToAContinuingEducationYear_BreaksScanSlotIsFixedOrAnEntry()
    {
        var year = Education(2022);
        _application.AddEntry(year);

        RuleAssert.Breaks<ScanSlotIsFixedOrAnEntryRule>(() => _application.AttachScan(Scan(year.Key)));
    }

    [Test]
    public void ScanBytesOutside_LeavesOutTheScanAnUploadWouldReplace()
    {
        _application.AttachScan(Scan(AttachmentSlots.Employment, length: 300));
        _application.AttachScan(Scan(AttachmentSlots.Appointment, length: 200));

        _application.ScanBytesOutside(AttachmentSlots.Employment).Should().Be(200);
        _application.ScanBytesOutside(AttachmentSlots.Qualification).Should().Be(500);
    }

    [Test]
    public void UpdatePersonalInfo_WithdrawsOnlyThePersonalTick()
    {
        Tick(DossierItemKeys.Personal);
        Tick(DossierItemKeys.Education);

        _application.UpdatePersonalInfo("政工师", CurrentTitleLevel.Intermediate, new DateOnly(2017, 6, 1), "党委副书记", EvaluationType.Regular, fromCivilService: true, education: null);

        _application.IsVerified(DossierItemKeys.Personal).Should().BeFalse();
        _application.IsVerified(DossierItemKeys.Education).Should().BeTrue();
        _application.FromCivilService.Should().BeFalse("only a first evaluation comes from the civil service");
    }

    [Test]
    public void UpdatePersonalInfo_WithChangedEducation_WithdrawsTheEducationTick()
    {
        _application.UpdatePersonalInfo("助理政工师", CurrentTitleLevel.Assistant, new DateOnly(2017, 6, 1), "干事", EvaluationType.Regular, false, new StatedEducation(EducationDegree.Bachelor, "贵州大学", 2010));
        Tick(DossierItemKeys.Degree);

        _application.UpdatePersonalInfo("助理政工师", CurrentTitleLevel.Assistant, new DateOnly(2017, 6, 1), "干事", EvaluationType.Regular, false, new StatedEducation(EducationDegree.Master, "贵州大学", 2013));

        _application.IsVerified(DossierItemKeys.Degree).Should().BeFalse("the unit verified another degree");
        _application.Education!.Degree.Should().Be(EducationDegree.Master);
    }

    [Test]
    public void UpdatePersonalInfo_WithTheSameEducation_KeepsTheEducationTick()
    {
        var education = new StatedEducation(EducationDegree.Bachelor, "贵州大学", 2010);
        _application.UpdatePersonalInfo("助理政工师", CurrentTitleLevel.Assistant, new DateOnly(2017, 6, 1), "干事", EvaluationType.Regular, false, education);
        Tick(DossierItemKeys.Degree);

        _application.UpdatePersonalInfo("助理政工师", CurrentTitleLevel.Assistant, new DateOnly(2017, 6, 1), "党群工作部干事", EvaluationType.Regular, false, education);

        _application.IsVerified(DossierItemKeys.Degree).Should().BeTrue();
    }

    [Test]
    public void VerifyItem_AfterOpeningEveryScan_TicksIt_AndRenewsTheToken()
    {
        var scan = Scan(AttachmentSlots.Qualification);
        _application.AttachScan(scan);
        var token = _application.ConcurrencyToken;

        _application.VerifyItem(DossierItemKeys.Personal, "王敏", [scan.Id], Now);

        _application.Verifications.Should().ContainSingle().Which.Should().BeEquivalentTo(new { ItemKey = DossierItemKeys.Personal, VerifiedBy = "王敏", VerifiedAt = Now });
        _application.ConcurrencyToken.Should().NotBe(token);
    }

    [Test]
    public void VerifyItem_BeforeOpeningEveryScan_BreaksScansOpenedBeforeVerifying()
    {
        _application.AttachScan(Scan(AttachmentSlots.Qualification));

        RuleAssert.Breaks<ScansOpenedBeforeVerifyingRule>(() => _application.VerifyItem(DossierItemKeys.Personal, "王敏", [], Now));
        _application.Verifications.Should().BeEmpty();
    }

    [Test]
    public void VerifyItem_NotOnTheChecklist_BreaksOnlyMandatoryItemsAreVerified()
    {
        var year = Education(2022);
        _application.AddEntry(year);

        RuleAssert.Breaks<OnlyMandatoryItemsAreVerifiedRule>(() => _application.VerifyItem(year.Key, "王敏", [], Now)).Message.Should().Be("该项目不在必须校验的清单中。");
        RuleAssert.Breaks<OnlyMandatoryItemsAreVerifiedRule>(() => _application.UnverifyItem("unknown"));
    }

    [Test]
    public void UnverifyItem_RemovesTheTick_AndRenewsTheToken()
    {
        Tick(DossierItemKeys.Education);
        var token = _application.ConcurrencyToken;

        _application.UnverifyItem(DossierItemKeys.Education);

        _application.Verifications.Should().BeEmpty();
        _application.ConcurrencyToken.Should().NotBe(token);
    }

    [Test]
    public void ReturnSections_KeepsTheReasonsGivenTrimmed_AsTheNextRound()
    {
        var token = _application.ConcurrencyToken;

        _application.ReturnSections(new Dictionary<DossierSection, string?> { [DossierSection.PersonalInfo] = "聘书不清晰" }, "王敏", Now).Should().Be(1);
        var round = _application.ReturnSections(
            new Dictionary<DossierSection, string?> { [DossierSection.Publications] = " 论文未见刊号 ", [DossierSection.Achievements] = "工作材料字数不足", [DossierSection.WorkHistory] = "  " },
            "王敏",
            Now);

        round.Should().Be(2);
        _application.LatestReturn().Select(r => (r.Round, r.Section, r.Reason)).Should().Equal(
            (2, DossierSection.Achievements, "工作材料字数不足"),
            (2, DossierSection.Publications, "论文未见刊号"));
        _application.Returns.Should().HaveCount(3);
        _application.ConcurrencyToken.Should().NotBe(token);
    }

    [Test]
    public void ReturnSections_WithoutAReason_BreaksAtLeastOneReasonToReturn()
    {
        var broken = RuleAssert.Breaks<AtLeastOneReasonToReturnRule>(() =>
            _application.ReturnSections(new Dictionary<DossierSection, string?> { [DossierSection.Achievements] = "  " }, "王敏", Now));

        broken.Message.Should().Be("退回时请至少为一个部分填写退回原因。");
        _application.Returns.Should().BeEmpty();
    }

    [Test]
    public void ReturnSections_WithAReasonOverTheLimit_BreaksReturnReasonLength()
    {
        var tooLong = new string('字', SectionReturn.MaxReasonLength + 1);

        var broken = RuleAssert.Breaks<ReturnReasonLengthRule>(() =>
            _application.ReturnSections(new Dictionary<DossierSection, string?> { [DossierSection.Achievements] = tooLong }, "王敏", Now));

        broken.Message.Should().Be("“任职后主要专业工作业绩”的退回原因不能超过 500 个字。");
        _application.Returns.Should().BeEmpty();
    }

    [Test]
    public void ReturnReasonLength_AtTheLimit_IsKept()
    {
        new ReturnReasonLengthRule(DossierSection.PersonalInfo, new string('字', SectionReturn.MaxReasonLength)).IsBroken().Should().BeFalse();
    }

    [Test]
    public void MandatoryItems_AreThePersonalAndEducationBlocksAndEachEntryWithAScan()
    {
        var paper = APaper();
        _application.AddEntry(paper);
        _application.AddEntry(Education(2022));

        _application.MandatoryItems().Select(m => m.Key).Should().Equal(DossierItemKeys.Personal, DossierItemKeys.Degree, DossierItemKeys.Education, paper.Key);
    }

    [TestCase("张丽", "张*")]
    [TestCase("李华", "李*")]
    [TestCase("欧阳娜娜", "欧**娜")]
    [TestCase("王晓明", "王*明")]
    public void Mask_KeepsTheSurnameAndTheLastCharacter(string name, string masked)
    {
        PersonNames.Mask(name).Should().Be(masked);
    }

    /// <summary>The auditor ticks an item after opening the scans it names.</summary>
    private void Tick(string itemKey, params Guid[] opened) => _application.VerifyItem(itemKey, "王敏", [.. opened, .. _application.ScansOf(itemKey)], Now);

    private ContinuingEducationYear Education(int year) => new(Guid.NewGuid(), _application.Id, year, 96, 64);

    private Paper APaper() => new(Guid.NewGuid(), _application.Id, "企业思想政治工作创新研究", "演示期刊", "2022年第1期", "CN00-0000", new DateOnly(2022, 1, 1), 1);

    private DossierAttachment Scan(string slot, long length = 100) =>
        DossierAttachment.Create(_application.Id, slot, "scan.pdf", "scan.pdf", Guid.NewGuid().ToString("N"), new string('a', 64), length, "application/pdf", "applicant-1", Now);
}
