using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Files;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Dossier;

public class DossierTests : WorkflowTestBase
{
    [SetUp]
    public void InsideFiling() => Clock.SetUtcNow(Beijing(2023, 8, 10, 20, 0, 0));

    [Test]
    public async Task Submit_OfAnIncompleteDossier_IsRefusedListingEveryMissingItem()
    {
        var instance = await StartApplicationAsync("applicant1", completeDossier: false);
        var applicationId = (await InstanceAsync(instance)).SubjectId;
        var applicant = await ActorAsync("applicant1");
        await AddAsync(applicationId, applicant, new DossierItemInput("education", Year: 2022, Hours: 78, ProfessionalHours: 50));
        await AddAsync(applicationId, applicant, new DossierItemInput("work", From: new DateOnly(2015, 7, 1), Unit: "黔南能源集团有限公司", Post: "党群工作部干事"));

        var act = () => FireAsync(instance, "submit", "applicant1");

        var message = (await act.Should().ThrowAsync<DomainException>()).Which.Message;
        message.Should().StartWith("材料不完整，不能提交。");
        message.Should().Contain("请填写现任思想政治工作岗位职务").And.Contain("缺少现任专业职务的聘书扫描件");
        message.Should().Contain("继续教育学时不符合申报条件：2022 年度 78 学时（差 12 学时）；要求每年不少于 90 学时");
        message.Should().Contain("请填写最高学历").And.Contain("未选择现任职务等级");
        message.Should().Contain("“2015-07 至 今 黔南能源集团有限公司 党群工作部干事”缺少扫描件");
        message.Should().Contain("工作材料共 0 字，要求不少于 5000 字（差 5000 字）").And.Contain("论文 0 篇，要求不少于 1 篇");
        (await InstanceAsync(instance)).State.Should().Be("Draft");
    }

    [Test]
    public async Task Submit_OfACompleteDossier_Succeeds_AndTenureCountsToTheCutoff()
    {
        var instance = await StartApplicationAsync("applicant1");

        (await FireAsync(instance, "submit", "applicant1")).ToState.Should().Be("Submitted");
        var dossier = await DossierAsync(instance, "applicant1");
        dossier.Missing.Should().BeEmpty();
        dossier.TenureText.Should().Be("6 年 6 个月", "from 2017-06-01 to the cutoff 2023-12-31");
        dossier.Editable.Should().BeFalse();
        dossier.NotEditableReason.Should().Contain("正在等待单位审核");
    }

    [Test]
    public async Task ReturnAndResubmit_ReasonsShowNextToTheSections_AndApprovalNeedsEveryTick()
    {
        var instance = await StartApplicationAsync("applicant1");
        await FireAsync(instance, "submit", "applicant1");
        var auditor = await ActorAsync("auditor1");
        var applicationId = (await InstanceAsync(instance)).SubjectId;

        var empty = () => ReturnAsync(applicationId, auditor, new Dictionary<DossierSection, string?> { [DossierSection.Achievements] = "  " });
        (await empty.Should().ThrowAsync<ValidationException>()).Which.Errors["reasons"].Single().Should().Contain("至少为一个部分");

        await ReturnAsync(applicationId, auditor, new Dictionary<DossierSection, string?> { [DossierSection.Achievements] = "工作材料字数不足，请补充" });
        var returned = await DossierAsync(instance, "applicant1");
        returned.State.Should().Be("Returned");
        returned.ReturnReasonFor(DossierSection.Achievements).Should().Be("工作材料字数不足，请补充");
        returned.ReturnReasonFor(DossierSection.PersonalInfo).Should().BeNull();
        (await JournalAsync(instance)).Last().Reason.Should().Be("【任职后主要专业工作业绩】工作材料字数不足，请补充");

        var applicant = await ActorAsync("applicant1");
        await AddAsync(applicationId, applicant, new DossierItemInput("material", MaterialKind: WorkMaterialKind.Summary, Title: "年度思想政治工作总结", Date: new DateOnly(2022, 12, 20), WordCount: 6000));
        var material = (await DossierAsync(instance, "applicant1")).EntriesOf(DossierEntryKinds.Material).Single(m => m.Description.Contains("年度思想政治工作总结", StringComparison.Ordinal));
        await UploadAsync(applicationId, applicant, material.Key, DossierFiller.Pdf("summary"), "总结.pdf");
        (await FireAsync(instance, "submit", "applicant1")).ToState.Should().Be("Submitted");

        var unticked = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<ApproveDossier, TitleReview.Application.Workflows.FireResult>>()
            .HandleAsync(new ApproveDossier(applicationId, auditor)));
        (await unticked.Should().ThrowAsync<DomainException>()).Which.Message.Should().StartWith("尚有必须校验的项目未核验").And.Contain("年度思想政治工作总结");

        (await FireAsync(instance, "approve", "auditor1")).ToState.Should().Be("UnitApproved");
    }

    [Test]
    public async Task StaleSave_AfterTheAuditorReturned_IsAConflict_AndNothingIsHalfSaved()
    {
        var instance = await StartApplicationAsync("applicant1");
        var applicationId = (await InstanceAsync(instance)).SubjectId;
        var pageToken = (await DossierAsync(instance, "applicant1")).DossierToken;
        await FireAsync(instance, "submit", "applicant1");
        var auditor = await ActorAsync("auditor1");
        await ReturnAsync(applicationId, auditor, new Dictionary<DossierSection, string?> { [DossierSection.PersonalInfo] = "聘书扫描件不清晰" });

        var applicant = await ActorAsync("applicant1");
        var stale = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<SavePersonalInfo, DossierChange>>().HandleAsync(
            new SavePersonalInfo(applicationId, "政工师", new DateOnly(2016, 1, 1), "党委办公室主任", EvaluationType.Regular, false, pageToken, applicant)));

        await stale.Should().ThrowAsync<ConcurrencyConflictException>().WithMessage("*审核人已退回*您填写的内容仍保留在页面上*");
        var after = await DossierAsync(instance, "applicant1");
        after.CurrentPost.Should().Be("党群工作部副部长", "the stale save changed nothing");
        after.ReturnReasonFor(DossierSection.PersonalInfo).Should().Be("聘书扫描件不清晰", "the auditor's return stands");

        await InScopeAsync(sp => sp.GetRequiredService<IHandler<SavePersonalInfo, DossierChange>>().HandleAsync(
            new SavePersonalInfo(applicationId, "助理政工师", new DateOnly(2017, 6, 1), "党委办公室主任", EvaluationType.Regular, false, after.DossierToken, applicant)));
        (await DossierAsync(instance, "applicant1")).CurrentPost.Should().Be("党委办公室主任");
    }

    [Test]
    public async Task AfterTheWindow_NeitherApplicantNorAuditorCanChangeTheDossier()
    {
        var instance = await StartApplicationAsync("applicant1");
        await FireAsync(instance, "submit", "applicant1");
        var applicationId = (await InstanceAsync(instance)).SubjectId;
        Clock.SetUtcNow(Beijing(2023, 9, 1, 0, 0, 0));

        var auditor = await ActorAsync("auditor1");
        var tick = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<VerifyItem, Guid>>().HandleAsync(new VerifyItem(applicationId, "personal", true, auditor)));
        await tick.Should().ThrowAsync<DomainException>().WithMessage("*2023-08-31 23:59:59 截止*");

        await RunClockAsync();
        var dossier = await DossierAsync(instance, "applicant1");
        dossier.State.Should().Be("NotSubmitted");
        dossier.NotEditableReason.Should().Be("材料当前状态为“未提交（申报期已截止）”，不能再修改。");
    }

    [Test]
    public async Task AnotherApplicant_AndAnotherUnitsAuditor_CannotReadTheDossierOrItsFiles()
    {
        var instance = await StartApplicationAsync("applicant1");
        var applicationId = (await InstanceAsync(instance)).SubjectId;
        var fileId = (await DossierAsync(instance, "applicant1")).Attachments.Values.First().Id;

        foreach (var stranger in new[] { "applicant2", "auditor2", "expert1" })
        {
            var actor = await ActorAsync(stranger);
            var read = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<GetDossier, DossierView>>().HandleAsync(new GetDossier(applicationId, actor)));
            await read.Should().ThrowAsync<NotFoundException>(stranger);
            var open = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<OpenAttachment, OpenedAttachment>>().HandleAsync(new OpenAttachment(fileId, actor)));
            await open.Should().ThrowAsync<NotFoundException>(stranger);
        }

        foreach (var reader in new[] { "applicant1", "auditor1", "office" })
        {
            var actor = await ActorAsync(reader);
            var opened = await InScopeAsync(sp => sp.GetRequiredService<IHandler<OpenAttachment, OpenedAttachment>>().HandleAsync(new OpenAttachment(fileId, actor)));
            await opened.Content.DisposeAsync();
            opened.ContentType.Should().Be("application/pdf");
        }
    }

    [Test]
    public async Task Upload_OfAnExecutableNamedPdf_IsRefused_AndNothingIsStored()
    {
        var instance = await StartApplicationAsync("applicant1", completeDossier: false);
        var applicationId = (await InstanceAsync(instance)).SubjectId;
        var applicant = await ActorAsync("applicant1");
        var exe = new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04 };

        var act = () => UploadAsync(applicationId, applicant, AttachmentSlots.Employment, exe, "聘书.pdf");

        (await act.Should().ThrowAsync<UploadRejectedException>()).Which.Message.Should().Contain("只接受 PDF、JPEG、PNG 文件");
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DossierAttachments.CountAsync())).Should().Be(0);
        var uploads = Services.GetRequiredService<StoragePaths>().UploadsFolder;
        (Directory.Exists(uploads) ? Directory.GetFiles(uploads, "*", SearchOption.AllDirectories) : []).Should().BeEmpty();
    }

    [Test]
    public async Task TheSameFileInTwoApplicantsDossiers_IsFlaggedToTheOfficeAndTheAuditor_NamingTheOtherMasked()
    {
        var first = await StartApplicationAsync("applicant1", completeDossier: false);
        var second = await StartApplicationAsync("applicant2", completeDossier: false);
        var scan = DossierFiller.Pdf("the same award certificate");
        await UploadAsync((await InstanceAsync(first)).SubjectId, await ActorAsync("applicant1"), AttachmentSlots.Qualification, scan, "证书.pdf");
        await UploadAsync((await InstanceAsync(second)).SubjectId, await ActorAsync("applicant2"), AttachmentSlots.Qualification, scan, "证书副本.pdf");

        var rows = await InScopeAsync(sp => sp.GetRequiredService<IHandler<ListDuplicateFiles, IReadOnlyList<DuplicateFileRow>>>().HandleAsync(new ListDuplicateFiles(2023)));

        rows.Select(r => r.ApplicantName).Should().BeEquivalentTo(["李华", "张丽"]);
        var secondUnit = rows.Single(r => r.ApplicantName == "张丽").UnitName;
        foreach (var reviewer in new[] { "office", "auditor1" })
        {
            var flagged = (await DossierAsync(first, reviewer)).AttachmentFor(AttachmentSlots.Qualification)!;
            flagged.DuplicateCount.Should().Be(1, reviewer);
            flagged.DuplicatedIn.Should().Equal([new DuplicateHolderView("张*", secondUnit)], reviewer);
        }

        (await DossierAsync(first, "office")).DuplicatedScans.Should().ContainSingle();
        (await DossierAsync(first, "applicant1")).AttachmentFor(AttachmentSlots.Qualification)!.DuplicateCount.Should().Be(0, "the applicant is not told");
    }

    [Test]
    public async Task DifferentFilesInTwoApplicantsDossiers_AreNotFlagged()
    {
        var first = await StartApplicationAsync("applicant1", completeDossier: false);
        var second = await StartApplicationAsync("applicant2", completeDossier: false);
        await UploadAsync((await InstanceAsync(first)).SubjectId, await ActorAsync("applicant1"), AttachmentSlots.Qualification, DossierFiller.Pdf("qualification of Li Hua"), "证书.pdf");
        await UploadAsync((await InstanceAsync(second)).SubjectId, await ActorAsync("applicant2"), AttachmentSlots.Qualification, DossierFiller.Pdf("qualification of Zhang Li"), "证书.pdf");

        var dossier = await DossierAsync(first, "office");

        dossier.AttachmentFor(AttachmentSlots.Qualification)!.DuplicateCount.Should().Be(0);
        dossier.DuplicatedScans.Should().BeEmpty();
    }

    [Test]
    public async Task ReplacingAScan_KeepsOnlyTheNewOne_DeletesTheOldFile_AndRenewsTheToken()
    {
        var instance = await StartApplicationAsync("applicant1", completeDossier: false);
        var applicationId = (await InstanceAsync(instance)).SubjectId;
        var applicant = await ActorAsync("applicant1");
        var old = await UploadAsync(applicationId, applicant, AttachmentSlots.Employment, DossierFiller.Pdf("first"), "聘书.pdf");

        var replacement = await UploadAsync(applicationId, applicant, AttachmentSlots.Employment, DossierFiller.Pdf("second"), "聘书.pdf");

        replacement.ConcurrencyToken.Should().NotBe(old.ConcurrencyToken, "every change renews the token");
        var stored = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DossierAttachments.AsNoTracking().Where(a => a.ApplicationId == applicationId).ToListAsync());
        stored.Should().ContainSingle().Which.Id.Should().Be(replacement.Id);
        var uploads = Services.GetRequiredService<StoragePaths>().UploadsFolder;
        Directory.GetFiles(uploads, "*", SearchOption.AllDirectories).Should().ContainSingle("the replaced file is deleted");
    }

    [Test]
    public async Task ATamperedStoredFile_IsRefusedWhenServed()
    {
        var instance = await StartApplicationAsync("applicant1");
        var applicationId = (await InstanceAsync(instance)).SubjectId;
        var attachment = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DossierAttachments.FirstAsync(a => a.ApplicationId == applicationId));
        var path = Path.Combine(Services.GetRequiredService<StoragePaths>().DataFolder, attachment.StorageKey);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^3] ^= 0x20;
        await File.WriteAllBytesAsync(path, bytes);

        var office = await ActorAsync("office");
        var open = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<OpenAttachment, OpenedAttachment>>().HandleAsync(new OpenAttachment(attachment.Id, office)));

        await open.Should().ThrowAsync<StoredFileTamperedException>();
    }

    [Test]
    public async Task EditingAnEntry_RemovesTheAuditorsTickForIt()
    {
        var instance = await StartApplicationAsync("applicant1");
        await FireAsync(instance, "submit", "applicant1");
        await VerifyAllAsync(instance, "auditor1");
        var applicationId = (await InstanceAsync(instance)).SubjectId;
        await ReturnAsync(applicationId, await ActorAsync("auditor1"), new Dictionary<DossierSection, string?> { [DossierSection.PersonalInfo] = "请补充" });

        var before = await DossierAsync(instance, "applicant1");
        var applicant = await ActorAsync("applicant1");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<SavePersonalInfo, DossierChange>>().HandleAsync(
            new SavePersonalInfo(applicationId, "助理政工师", new DateOnly(2017, 6, 1), "党委副书记", EvaluationType.Regular, false, before.DossierToken, applicant)
            {
                CurrentTitleLevel = before.CurrentTitleLevel,
                EducationDegree = before.Education!.Degree,
                EducationSchool = before.Education.School,
                GraduationYear = before.Education.GraduationYear,
            }));

        var after = await DossierAsync(instance, "auditor1");
        after.Mandatory.Single(m => m.Key == DossierItemKeys.Personal).Verified.Should().BeFalse();
        after.Mandatory.Where(m => m.Key != DossierItemKeys.Personal).Should().OnlyContain(m => m.Verified);
    }

    [Test]
    public async Task Verify_BeforeTheAuditorHasOpenedEveryScanOfTheItem_IsRefusedNamingTheItem()
    {
        var instance = await StartApplicationAsync("applicant1");
        await FireAsync(instance, "submit", "applicant1");
        var applicationId = (await InstanceAsync(instance)).SubjectId;
        var auditor = await ActorAsync("auditor1");
        var personalScans = (await DossierAsync(instance, "auditor1")).Attachments.Values.Where(a => AttachmentSlots.ItemKeyOf(a.SlotKey) == DossierItemKeys.Personal).ToList();
        personalScans.Should().HaveCount(3);
        var tick = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<VerifyItem, Guid>>().HandleAsync(new VerifyItem(applicationId, "personal", true, auditor)));

        await tick.Should().ThrowAsync<BusinessRuleViolationException>()
            .WithMessage("请先打开查看“个人基本信息及任职文件、聘书、资格证书扫描件”的全部扫描件（还有 3 份未打开），核对无误后再勾选“核验无误”。");

        await OpenScanAsync(personalScans[0].Id, "auditor1");
        await OpenScanAsync(personalScans[1].Id, "auditor1");
        await OpenScanAsync(personalScans[2].Id, "office");
        (await tick.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<ScansOpenedBeforeVerifyingRule>();
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DossierVerifications.CountAsync(v => v.ApplicationId == applicationId))).Should().Be(0);

        await OpenScanAsync(personalScans[2].Id, "auditor1");
        await tick();

        (await DossierAsync(instance, "auditor1")).Mandatory.Single(m => m.Key == DossierItemKeys.Personal).Verified.Should().BeTrue();
    }

    [Test]
    public async Task OpenAttachment_ByAReviewer_IsRecordedWithTheirIdAndTheTime_ButNotByTheApplicant()
    {
        var instance = await StartApplicationAsync("applicant1");
        var scan = (await DossierAsync(instance, "applicant1")).Attachments.Values.First();

        await OpenScanAsync(scan.Id, "applicant1");
        await OpenScanAsync(scan.Id, "auditor1");

        var auditor = await ActorAsync("auditor1");
        var openings = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AttachmentOpenings.AsNoTracking().ToListAsync());
        openings.Should().ContainSingle().Which.Should().BeEquivalentTo(new { AttachmentId = scan.Id, UserId = auditor.Id, OpenedAt = Clock.GetUtcNow() });
    }

    private async Task<DossierView> DossierAsync(Guid instanceId, string userName)
    {
        var actor = await ActorAsync(userName);
        var applicationId = (await InstanceAsync(instanceId)).SubjectId;
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetDossier, DossierView>>().HandleAsync(new GetDossier(applicationId, actor)));
    }

    private Task<DossierChange> AddAsync(Guid applicationId, WorkflowActor actor, DossierItemInput input) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<AddDossierItem, DossierChange>>().HandleAsync(new AddDossierItem(applicationId, input, null, actor)));

    private Task<AttachmentInfo> UploadAsync(Guid applicationId, WorkflowActor actor, string slot, byte[] content, string name) =>
        InScopeAsync(async sp =>
        {
            using var stream = new MemoryStream(content);
            return await sp.GetRequiredService<IHandler<UploadAttachment, AttachmentInfo>>().HandleAsync(new UploadAttachment(applicationId, slot, stream, name, content.Length, null, actor));
        });

    private Task<TitleReview.Application.Workflows.FireResult> ReturnAsync(Guid applicationId, WorkflowActor auditor, Dictionary<DossierSection, string?> reasons) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<ReturnDossier, TitleReview.Application.Workflows.FireResult>>().HandleAsync(new ReturnDossier(applicationId, reasons, null, auditor)));
}
