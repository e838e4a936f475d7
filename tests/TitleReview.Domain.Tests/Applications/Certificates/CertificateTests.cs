using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Certificates;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Tests.Applications.Certificates;

public class CertificateTests
{
    private static readonly DateTimeOffset Now = new(2023, 12, 25, 1, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2023, 12, 25);
    private static readonly DateOnly FirstDay = new(2023, 12, 11);
    private static readonly Guid CampaignId = Guid.NewGuid();

    private static readonly CertificateIssuing Allowed = new(CommitteePassed: true, FirstDay, HasValidCertificate: false, Today);

    [Test]
    public void Issue_WhenAllowed_TakesTheNextNumber_AndDrawsAnUnguessableCode()
    {
        var numbering = Numbering(start: 7);

        var first = Certificate.Issue(Holder(), Allowed, numbering, Now, "office", "陈静");
        var second = Certificate.Issue(Holder(), Allowed, numbering, Now, "office", "陈静");

        (first.Number, second.Number).Should().Be(("黔政工2023Z0007", "黔政工2023Z0008"));
        (first.Sequence, second.Sequence, numbering.Issued, numbering.NextNumber).Should().Be((7, 8, 2, "黔政工2023Z0009"));
        first.IssuedOn.Should().Be(Today);
        first.TitleName.Should().Be("政工师");
        first.Status.Should().Be(CertificateStatus.Valid);
        first.VerificationCode.Should().HaveLength(Certificate.VerificationCodeLength).And.NotBe(second.VerificationCode).And.NotContain("2023Z");
        first.VerificationCode.All(ch => Certificate.CodeAlphabet.Contains(ch, StringComparison.Ordinal)).Should().BeTrue();
        first.MaskedIdNumber.Should().Be("522701********0219");
    }

    [Test]
    public void Issue_WhenTheCommitteeDidNotPass_IsRefused()
    {
        var numbering = Numbering();
        var act = () => Certificate.Issue(Holder(), Allowed with { CommitteePassed = false }, numbering, Now, "office", "陈静");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<CertificateOnlyForCommitteePassedRule>();
        numbering.Issued.Should().Be(0, "a refused certificate takes no number");
    }

    [TestCase(null)]
    [TestCase("2023-12-26")]
    public void Issue_BeforeTheResultsPublicityBegan_IsRefused(string? firstDay)
    {
        var issuing = Allowed with { ResultsFirstDay = firstDay is null ? null : DateOnly.Parse(firstDay, System.Globalization.CultureInfo.InvariantCulture) };

        var act = () => Certificate.Issue(Holder(), issuing, Numbering(), Now, "office", "陈静");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<CertificateAfterResultsPublicityBeganRule>();
    }

    [Test]
    public void Issue_OnTheResultsFirstDay_IsAllowed()
    {
        var certificate = Certificate.Issue(Holder(), Allowed with { ResultsFirstDay = Today }, Numbering(), Now, "office", "陈静");

        certificate.IsValid.Should().BeTrue();
    }

    [Test]
    public void Issue_WhenTheCaseHoldsAValidCertificate_IsRefused()
    {
        var act = () => Certificate.Issue(Holder(), Allowed with { HasValidCertificate = true }, Numbering(), Now, "office", "陈静");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<OneValidCertificatePerApplicationRule>();
    }

    [Test]
    public void Issue_WithAnotherLevelsNumbering_IsRefused()
    {
        var senior = CertificateNumbering.Configure(CampaignId, 2023, TitleLevel.Senior, new CertificateNumberingScheme("黔政工", "G", 4, 1), Now, "office");

        var act = () => Certificate.Issue(Holder(), Allowed, senior, Now, "office", "陈静");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<NumberingOfTheCertificatesLevelRule>();
    }

    [Test]
    public void ChangeNumbering_OnceANumberWasIssued_IsRefused()
    {
        var numbering = Numbering();
        numbering.Change(new CertificateNumberingScheme("GZ", "Z", 5, 100), Now, "office");
        numbering.NextNumber.Should().Be("GZ2023Z00100", "the scheme may change until the first number");
        Certificate.Issue(Holder(), Allowed, numbering, Now, "office", "陈静");

        var act = () => numbering.Change(new CertificateNumberingScheme("黔政工", "Z", 4, 1), Now, "office");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<NumberingFixedOnceIssuedRule>()
            .Which.Message.Should().Be("政工师已发放 1 本证书，编号规则不能再修改。");
    }

    [Test]
    public void Take_WhenTheDigitsAreUsedUp_IsRefused()
    {
        var numbering = CertificateNumbering.Configure(CampaignId, 2023, TitleLevel.Intermediate, new CertificateNumberingScheme("", "Z", 3, 999), Now, "office");
        numbering.Take(Now).Number.Should().Be("2023Z999");

        var act = () => numbering.Take(Now);

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<NumberingHasRoomRule>();
    }

    [Test]
    public void Revoke_MakesItRevoked_AndFreesTheCase()
    {
        var certificate = Certificate.Issue(Holder(), Allowed, Numbering(), Now, "office", "陈静");

        certificate.Revoke("以虚假材料取得资格", Now.AddDays(30), "office", "陈静");

        (certificate.Status, certificate.ValidApplicationId, certificate.RevokedReason, certificate.RevokedByName).Should().Be((CertificateStatus.Revoked, (Guid?)null, "以虚假材料取得资格", "陈静"));
        CertificateStatuses.DisplayName(certificate.Status).Should().Be("已撤销");
    }

    [Test]
    public void Revoke_Twice_OrWithoutAReason_IsRefused()
    {
        var certificate = Certificate.Issue(Holder(), Allowed, Numbering(), Now, "office", "陈静");

        var withoutReason = () => certificate.Revoke("  ", Now, "office", "陈静");
        withoutReason.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<RevocationHasAReasonRule>();

        certificate.Revoke("以虚假材料取得资格", Now, "office", "陈静");
        var again = () => certificate.Revoke("再次撤销", Now, "office", "陈静");
        again.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<RevokedCertificateStaysRevokedRule>();
    }

    [Test]
    public void Collection_TakesTheUnitsWaitingValidCertificates_AndRefusesWhenNoneWait()
    {
        var numbering = Numbering();
        var unitId = Guid.NewGuid();
        var waiting = Certificate.Issue(Holder(unitId), Allowed, numbering, Now, "office", "陈静");
        var revoked = Certificate.Issue(Holder(unitId), Allowed, numbering, Now, "office", "陈静");
        revoked.Revoke("以虚假材料取得资格", Now, "office", "陈静");
        var otherUnit = Certificate.Issue(Holder(), Allowed, numbering, Now, "office", "陈静");

        var collection = CertificateCollection.Record(CampaignId, unitId, "黔南能源集团有限公司", "王敏", Today, true, null, [waiting, revoked, otherUnit], Now, "office", "陈静");

        collection.Certificates.Should().Be(1);
        (waiting.CollectionId, revoked.CollectionId, otherUnit.CollectionId).Should().Be((collection.Id, (Guid?)null, (Guid?)null));
        var again = () => CertificateCollection.Record(CampaignId, unitId, "黔南能源集团有限公司", "王敏", Today, true, null, [waiting, revoked], Now, "office", "陈静");
        again.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<CollectionHasCertificatesRule>();
    }

    [Test]
    public void PrintLayout_WithAFieldOffTheSheet_IsRefused()
    {
        var layout = CertificatePrintLayout.Default(CampaignId);
        var off = CertificatePrintLayout.DefaultPositions.Select(p => p.Field == PrintField.QrCode ? p with { XMm = 280m } : p).ToList();

        var act = () => layout.Adjust(297m, 210m, off, Now, "office");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<PrintLayoutInsideTheSheetRule>();
        layout.Of(PrintField.QrCode).XMm.Should().Be(240m);
    }

    [Test]
    public void NormalizeCode_IgnoresCaseSpacesAndDashes() =>
        Certificate.NormalizeCode(" abcd-efgh ").Should().Be("ABCDEFGH");

    private static CertificateNumbering Numbering(int start = 1) =>
        CertificateNumbering.Configure(CampaignId, 2023, TitleLevel.Intermediate, new CertificateNumberingScheme("黔政工", "Z", 4, start), Now, "office");

    private static CertificateHolder Holder(Guid? unitId = null) =>
        new(Guid.NewGuid(), CampaignId, 2023, TitleLevel.Intermediate, "李华", "522701198803150219", unitId ?? Guid.NewGuid(), "黔南能源集团有限公司", "贵州省政工专业职务任职资格评审委员会");
}
