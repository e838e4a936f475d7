using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using TitleReview.Application.Applications.Certificates;
using TitleReview.Application.Applications.Integrity;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Application.Integrity;
using TitleReview.Application.Tests.Committee.Results;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Certificates;
using TitleReview.Domain.Applications.Integrity;
using TitleReview.Domain.Common;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Certificates;

/// <summary>
/// Certificates on a real SQLite file: the committee passed 李华 and 赵强 (政工师), failed 周婷; the
/// results publicity began on Monday Dec 11, 2023.
/// </summary>
public class CertificateTests : ResultsTestBase
{
    private Guid _li;
    private Guid _zhao;
    private Guid _zhou;
    private Guid _zhang;

    [SetUp]
    public async Task DecideAndPublishAsync()
    {
        _li = await DecidedAsync("applicant1", "auditor1", TitleLevel.Intermediate, passed: true);
        _zhao = await DecidedAsync("applicant3", "auditor2", TitleLevel.Intermediate, passed: true);
        _zhou = await DecidedAsync("applicant4", "auditor2", TitleLevel.Intermediate, passed: false);
        _zhang = await DecidedAsync("applicant2", "auditor1", TitleLevel.Intermediate, passed: true);
        Clock.SetUtcNow(Beijing(2023, 12, 11, 9, 30, 0));
        await PublishAsync(new DateOnly(2023, 12, 11));
        Clock.SetUtcNow(Beijing(2023, 12, 25, 9, 0, 0));
    }

    [Test]
    public async Task Issue_ConcurrentlyFromSeveralHandlers_YieldsUniqueConsecutiveNumbers()
    {
        await NumberingAsync(TitleLevel.Intermediate, start: 1);
        var office = await ActorAsync("office");
        Guid[] cases = [_li, _zhao, _zhang];

        // Each handler in its own scope (its own unit of work and connection), all at once, twice over:
        // the second round finds every case holding a certificate and is refused without taking a number.
        var issuing = cases.Concat(cases).Select(id => Task.Run(async () =>
        {
            try
            {
                return (await SendAsync<IssueCertificates, CertificatesIssued>(new IssueCertificates(2023, id, office))).Numbers.Single();
            }
            catch (BusinessRuleViolationException ex) when (ex.BrokenRule is OneValidCertificatePerApplicationRule)
            {
                return null;
            }
        }));
        var numbers = (await Task.WhenAll(issuing)).Where(n => n is not null).ToList();

        numbers.Should().HaveCount(cases.Length).And.OnlyHaveUniqueItems();
        numbers.Order(StringComparer.Ordinal).Should().Equal(Enumerable.Range(1, cases.Length).Select(i => $"黔政工2023Z{i:D4}"));
        var stored = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Certificates.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync());
        stored.Select(c => c.Sequence).Should().Equal(Enumerable.Range(1, cases.Length));
        stored.Select(c => c.ApplicationId).Should().BeEquivalentTo(cases);
        var counter = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().CertificateNumberings.AsNoTracking().SingleAsync());
        (counter.Issued, counter.NextSequence).Should().Be((cases.Length, cases.Length + 1));
    }

    [Test]
    public async Task IssueAll_GivesEveryPassedCandidateOneCertificate_InListOrder_WithTheCommitteeAndTheFullIdNumber()
    {
        await NumberingAsync(TitleLevel.Intermediate, start: 1);

        var issued = await IssueAllAsync();

        issued.Numbers.Should().Equal("黔政工2023Z0001", "黔政工2023Z0002", "黔政工2023Z0003");
        var certificates = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Certificates.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync());
        certificates.Select(c => c.ApplicationId).Should().Equal([_zhao, _zhang, _li], "numbered by level, then unit (贵州省示范交通… before 黔南…), then name (张 before 李)");
        certificates.Select(c => c.ApplicationId).Should().NotContain(_zhou, "周婷 failed");
        var li = certificates.Single(c => c.ApplicationId == _li);
        (li.ApplicantName, li.IdNumber, li.TitleName, li.IssuedOn).Should().Be(("李华", "522701198803150219", "政工师", new DateOnly(2023, 12, 25)));
        li.CommitteeName.Should().NotBeNullOrWhiteSpace();
        (await IssueAllAsync()).Numbers.Should().BeEmpty("everyone passed already holds one");
    }

    [Test]
    public async Task Issue_ToAFailedCandidate_IsRefused()
    {
        await NumberingAsync(TitleLevel.Intermediate, start: 1);

        var act = () => IssueAsync(_zhou);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<CertificateOnlyForCommitteePassedRule>();
    }

    [Test]
    public async Task Issue_BeforeTheResultsPublicityBegan_IsRefused_AndTakesNoNumber()
    {
        await NumberingAsync(TitleLevel.Intermediate, start: 1);
        await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().PublicPublicities.ExecuteUpdateAsync(s => s.SetProperty(p => p.FirstDay, new DateOnly(2023, 12, 26))));

        var act = () => IssueAsync(_li);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<CertificateAfterResultsPublicityBeganRule>();
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().CertificateNumberings.AsNoTracking().SingleAsync())).Issued.Should().Be(0);
    }

    [Test]
    public async Task Issue_WithoutTheLevelsNumbering_IsRefused()
    {
        var act = () => IssueAsync(_li);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<CertificateNumberingConfiguredRule>()
            .Which.Message.Should().Be("请先设置政工师的证书编号规则。");
    }

    [Test]
    public async Task Issue_Twice_IsRefused()
    {
        await NumberingAsync(TitleLevel.Intermediate, start: 1);
        await IssueAsync(_li);

        var act = () => IssueAsync(_li);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<OneValidCertificatePerApplicationRule>();
    }

    [Test]
    public async Task Numbering_OnceIssued_CannotChange_AndBadInputIsAFieldMessage()
    {
        var office = await ActorAsync("office");
        var bad = () => SendAsync<ConfigureCertificateNumbering, string>(new ConfigureCertificateNumbering(2023, TitleLevel.Intermediate, "黔 政工", "", 2, 0, office));
        (await bad.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().BeEquivalentTo("prefix", "levelCode", "digits", "startNumber");

        (await NumberingAsync(TitleLevel.Intermediate, start: 100)).Should().Be("黔政工2023Z0100");
        await IssueAsync(_li);

        var change = () => NumberingAsync(TitleLevel.Intermediate, start: 1);

        (await change.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<NumberingFixedOnceIssuedRule>();
    }

    [Test]
    public async Task Verify_ARealCode_ShowsValid_ARevokedOne_ShowsRevoked_AMadeUpOne_IsNotFound()
    {
        await NumberingAsync(TitleLevel.Intermediate, start: 1);
        await IssueAsync(_li);
        await IssueAsync(_zhao);
        var codes = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Certificates.AsNoTracking().ToDictionaryAsync(c => c.ApplicationId, c => c.VerificationCode));

        var valid = await VerifyAsync(codes[_li].ToLowerInvariant());
        (valid.ApplicantName, valid.TitleName, valid.Year, valid.Number, valid.StatusName).Should().Be(("李华", "政工师", 2023, "黔政工2023Z0001", "有效"));
        valid.MaskedIdNumber.Should().Be("522701********0219");

        // The integrity decision stages the revocation in its own unit of work and saves it.
        Clock.SetUtcNow(Beijing(2024, 3, 5, 10, 0, 0));
        var revokedNumber = await InScopeAsync(async sp =>
        {
            var number = await sp.GetRequiredService<ICertificateRevocation>().RevokeAsync(_zhao, "以虚假材料取得资格", await ActorAsync("office"));
            await sp.GetRequiredService<IApplicationDbContext>().SaveChangesAsync();
            return number;
        });
        revokedNumber.Should().Be("黔政工2023Z0002");
        var revoked = await VerifyAsync(codes[_zhao]);
        (revoked.StatusName, revoked.RevokedOn).Should().Be(("已撤销", new DateOnly(2024, 3, 5)));

        var made = () => VerifyAsync("ABCDEFGHJKLMNPQRSTUV");
        await made.Should().ThrowAsync<NotFoundException>();
        var number = () => VerifyAsync("黔政工2023Z0001");
        await number.Should().ThrowAsync<NotFoundException>("the number is no verification code");
    }

    [Test]
    public async Task Revocation_WithoutAValidCertificate_ReturnsNull_AndUnsavedChangesNothing()
    {
        await NumberingAsync(TitleLevel.Intermediate, start: 1);
        await IssueAsync(_li);

        var none = await InScopeAsync(async sp => await sp.GetRequiredService<ICertificateRevocation>().RevokeAsync(_zhou, "以虚假材料取得资格", await ActorAsync("office")));
        var unsaved = await InScopeAsync(async sp => await sp.GetRequiredService<ICertificateRevocation>().RevokeAsync(_li, "以虚假材料取得资格", await ActorAsync("office")));

        none.Should().BeNull();
        unsaved.Should().Be("黔政工2023Z0001");
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Certificates.AsNoTracking().SingleAsync())).Status.Should().Be(CertificateStatus.Valid, "the caller saves");
    }

    [Test]
    public async Task Revoked_ThenIssuedAgain_TakesTheNextNumber()
    {
        await NumberingAsync(TitleLevel.Intermediate, start: 1);
        await IssueAsync(_li);
        await InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ICertificateRevocation>().RevokeAsync(_li, "证书信息有误，收回重发", await ActorAsync("office"));
            await sp.GetRequiredService<IApplicationDbContext>().SaveChangesAsync();
        });

        (await IssueAsync(_li)).Numbers.Should().Equal("黔政工2023Z0002");
    }

    [Test]
    public async Task Export_ReadBack_HasTheChineseHeadersAndOneRowPerCertificate()
    {
        await NumberingAsync(TitleLevel.Intermediate, start: 1);
        await IssueAsync(_li);
        await IssueAsync(_zhao);
        var office = await ActorAsync("office");
        var sheet = await SendAsync<ExportCertificates, Spreadsheet<CertificateExportRow>>(new ExportCertificates(2023, office));

        var file = Path.Combine(Path.GetTempPath(), $"certificates-{Guid.NewGuid():N}.xlsx");
        try
        {
            await using (var output = File.Create(file))
            {
                await InScopeAsync(sp => sp.GetRequiredService<ISpreadsheetWriter>().WriteAsync(output, sheet.Spec, sheet.Rows));
            }

            var rows = MiniExcel.Query(file, useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v?.ToString()).ToList()).ToList();
            rows[0].Should().Equal("证书编号", "姓名", "身份证号码", "工作单位", "资格名称", "级别", "发证日期", "评审委员会", "状态");
            rows.Should().HaveCount(3);
            var li = rows.Single(r => r[1] == "李华");
            (li[0], li[2], li[4], li[5], li[8]).Should().Be(("黔政工2023Z0001", "522701198803150219", "政工师", "中级", "有效"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Collection_MarksTheUnitsCertificatesCollected_AndTheUnitSeesIt_Masked()
    {
        await NumberingAsync(TitleLevel.Intermediate, start: 1);
        await IssueAsync(_li);
        await IssueAsync(_zhao);
        var office = await ActorAsync("office");
        var auditor = await ActorAsync("auditor1");
        var bad = () => SendAsync<RecordCertificateCollection, int>(new RecordCertificateCollection(2023, auditor.UnitId!.Value, " ", new DateOnly(2023, 12, 26), true, null, office));
        (await bad.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().BeEquivalentTo("collectorName", "collectedOn");

        Clock.SetUtcNow(Beijing(2023, 12, 28, 10, 0, 0));
        var count = await SendAsync<RecordCertificateCollection, int>(new RecordCertificateCollection(2023, auditor.UnitId!.Value, "王敏", new DateOnly(2023, 12, 28), true, "材料齐全", office));

        count.Should().Be(1);
        var unit = await SendAsync<GetUnitCertificates, UnitCertificatesView>(new GetUnitCertificates(2023, auditor));
        unit.Certificates.Should().ContainSingle().Which.Should().Match<CertificateRow>(c => c.ApplicantName == "李华" && c.CollectionText == "已领取（2023-12-28）" && c.MaskedIdNumber == "522701********0219");
        unit.Collections.Should().ContainSingle().Which.MaterialsText.Should().Be("已领回");
        var view = await SendAsync<GetCertificates, CertificatesView>(new GetCertificates(2023, office));
        view.Units.Single(u => u.UnitId == auditor.UnitId).Waiting.Should().Be(0);
        view.Certificates.Select(c => c.MaskedIdNumber).Should().NotContain("522701198803150219");
    }

    [Test]
    public async Task Print_ShowsTheFullIdNumber_TheVerificationAddress_AndThePhotoCheck()
    {
        await NumberingAsync(TitleLevel.Intermediate, start: 1);
        await IssueAsync(_li);
        await IssueAsync(_zhao);
        var office = await ActorAsync("office");
        var auditor = await ActorAsync("auditor1");

        var print = await SendAsync<GetCertificatePrint, CertificatePrint>(new GetCertificatePrint(2023, null, auditor.UnitId, false, office));

        var sheet = print.Sheets.Should().ContainSingle().Subject;
        sheet.IdNumber.Should().Be("522701198803150219");
        sheet.VerificationUrl.Should().EndWith("/Certificate/" + await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Certificates.Where(c => c.ApplicationId == _li).Select(c => c.VerificationCode).SingleAsync()));
        sheet.PhotoChecked.Should().BeNull("no envelope was checked in on this case");
        sheet.PhotoText.Should().Be("无纸质材料接收记录");
        print.Layout.Positions.Should().HaveCount(PrintFields.All.Count);
        var auditorPrint = () => SendAsync<GetCertificatePrint, CertificatePrint>(new GetCertificatePrint(2023, null, auditor.UnitId, false, auditor));
        await auditorPrint.Should().ThrowAsync<ForbiddenAccessException>();
    }

    [Test]
    public async Task Layout_Saved_IsWhatThePrintUses_AndOffTheSheetIsRefused()
    {
        var office = await ActorAsync("office");
        var positions = CertificatePrintLayout.DefaultPositions.Select(p => new PrintPositionInput(p.Field, p.XMm + 1.5m, p.YMm, p.Size)).ToList();

        await SendAsync<SavePrintLayout, Guid>(new SavePrintLayout(2023, 290m, 200m, positions, office));
        var sample = await SendAsync<GetCertificatePrint, CertificatePrint>(new GetCertificatePrint(2023, null, null, true, office));

        (sample.Layout.SheetWidthMm, sample.Layout.Of(PrintField.Name).XMm).Should().Be((290m, 41.5m));
        sample.Sheets.Should().ContainSingle().Which.ApplicantName.Should().Be("张三");
        var off = () => SendAsync<SavePrintLayout, Guid>(new SavePrintLayout(2023, 100m, 100m, positions, office));
        (await off.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<PrintLayoutInsideTheSheetRule>();
    }

    [Test]
    public async Task ACertifiedCandidate_IsNotVetoedButRevoked_ThroughTheIntegrityCase_AndVerificationSaysRevoked()
    {
        await NumberingAsync(TitleLevel.Intermediate, start: 1);
        await IssueAsync(_li);
        var office = await ActorAsync("office");
        var caseId = await SendAsync<OpenIntegrityCase, Guid>(new OpenIntegrityCase(_li, IntegrityCaseSource.OfficeByHand, null, "收到实名举报：代表作系他人代写。", office));

        var veto = () => SendAsync<DecideIntegrityCase, IntegrityCaseDecided>(new DecideIntegrityCase(caseId, IntegrityOutcome.Veto, "一票否决。", false, IntegrityBanChoice.None, null, null, office));
        (await veto.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<VetoOnlyOnAnApplicationNotYetEndedRule>();

        var revoked = await SendAsync<DecideIntegrityCase, IntegrityCaseDecided>(new DecideIntegrityCase(caseId, IntegrityOutcome.Revocation, "代表作系他人代写。", true, IntegrityBanChoice.Default, null, null, office));

        revoked.RevokedCertificateNumber.Should().Be("黔政工2023Z0001");
        var code = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Certificates.AsNoTracking().Where(c => c.ApplicationId == _li).Select(c => c.VerificationCode).SingleAsync());
        (await VerifyAsync(code)).Status.Should().Be(CertificateStatus.Revoked);
        var ban = await InScopeAsync(sp => sp.GetRequiredService<IIntegrityRecord>().ActiveBanAsync("522701198803150219", new DateOnly(2023, 12, 26)));
        ban.Should().NotBeNull("the revocation went into her integrity record with the default ban");
        ban!.Until.Should().Be(new DateOnly(2026, 12, 24));
    }

    private async Task<string> NumberingAsync(TitleLevel level, int start) =>
        await SendAsync<ConfigureCertificateNumbering, string>(new ConfigureCertificateNumbering(2023, level, "黔政工", level == TitleLevel.Senior ? "G" : "Z", 4, start, await ActorAsync("office")));

    private async Task<CertificatesIssued> IssueAsync(Guid applicationId) =>
        await SendAsync<IssueCertificates, CertificatesIssued>(new IssueCertificates(2023, applicationId, await ActorAsync("office")));

    private async Task<CertificatesIssued> IssueAllAsync() =>
        await SendAsync<IssueCertificates, CertificatesIssued>(new IssueCertificates(2023, null, await ActorAsync("office")));

    private Task<CertificateVerification> VerifyAsync(string code) =>
        SendAsync<VerifyCertificate, CertificateVerification>(new VerifyCertificate(code));
}
