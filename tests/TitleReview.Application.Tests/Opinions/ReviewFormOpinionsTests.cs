using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Opinions;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Common;

namespace TitleReview.Application.Tests.Opinions;

/// <summary>The review form's opinions: who may type them when, what the form prints, and what a change does to a printed form.</summary>
public class ReviewFormOpinionsTests : WorkflowTestBase
{
    private const string UnitText = "该同志政治立场坚定，思想政治工作业绩突出，经单位公示无异议，同意推荐。";
    private const string DepartmentText = "情况属实，同意推荐。";

    private Guid _instance;
    private Guid _application;

    [SetUp]
    public async Task SubmittedDossierAsync()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        _instance = await StartApplicationAsync("applicant1");
        await FireAsync(_instance, "submit", "applicant1");
        _application = (await InstanceAsync(_instance)).SubjectId;
    }

    [Test]
    public async Task Record_BeforeTheUnitApproves_IsRefused()
    {
        var act = () => RecordAsync(UnitText, DepartmentText);

        await act.Should().ThrowAsync<BusinessRuleViolationException>().WithMessage("单位审核通过后，才能填写评审表意见。");
    }

    [Test]
    public async Task Record_WhenApproved_SavesBoth_JournalsThem_AndTheFormAndTheOfficePrintThem()
    {
        await FireAsync(_instance, "approve", "auditor1");

        var recorded = await RecordAsync(UnitText, DepartmentText);

        recorded.Should().Be(new OpinionsRecorded(Changed: true, FormReissued: false));
        var form = await DocumentAsync("applicant1");
        form.Opinions.Should().BeEquivalentTo(new { UnitOpinion = UnitText, Department = "贵州省国资委", DepartmentOpinion = DepartmentText });
        (await JournalAsync(_instance)).Last().Reason.Should().Contain(UnitText).And.Contain("贵州省国资委");
        var office = await ActorAsync("office");
        var dossier = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetDossier, DossierView>>().HandleAsync(new GetDossier(_application, office)));
        dossier.Opinions!.UnitOpinion.Should().Be(UnitText);
        dossier.OpinionsEditable.Should().BeFalse("the office reads them; the auditor types them");
        var found = await InScopeAsync(sp => sp.GetRequiredService<IReviewFormOpinions>().FindAllAsync([_application, Guid.NewGuid()]));
        found.Should().ContainSingle().Which.Value.DepartmentOpinion.Should().Be(DepartmentText);
    }

    [Test]
    public async Task Record_AfterTheFormWasPrinted_SupersedesItSoTheOldCodeNoLongerVerifiesAsCurrent()
    {
        await FireAsync(_instance, "approve", "auditor1");
        await RecordAsync(UnitText, DepartmentText);
        var printed = await DocumentAsync("auditor1");

        var same = await RecordAsync(UnitText, DepartmentText);
        var changed = await RecordAsync(UnitText, "同意推荐申报中级职称。");

        same.Should().Be(new OpinionsRecorded(Changed: false, FormReissued: false));
        changed.Should().Be(new OpinionsRecorded(Changed: true, FormReissued: true));
        var verified = await InScopeAsync(sp => sp.GetRequiredService<IHandler<VerifyDocument, VerificationResult>>().HandleAsync(new VerifyDocument(printed.VerificationCode)));
        verified.IsCurrent.Should().BeFalse();
        var reprinted = await DocumentAsync("auditor1");
        reprinted.Number.Should().NotBe(printed.Number);
        reprinted.VerificationCode.Should().NotBe(printed.VerificationCode);
        reprinted.Opinions!.DepartmentOpinion.Should().Be("同意推荐申报中级职称。");
        (await JournalAsync(_instance)).Last().Reason.Should().Contain($"此前生成的评审表（编号 {printed.Number}）作废");
    }

    [Test]
    public async Task Record_WithBlankOrTooLongText_GivesFieldMessagesAndSavesNothing()
    {
        await FireAsync(_instance, "approve", "auditor1");

        var act = () => RecordAsync("  ", new string('好', 501));

        var errors = (await act.Should().ThrowAsync<ValidationException>()).Which.Errors;
        errors["unitOpinion"].Should().Equal("请填写单位推荐意见（对申报人的评价和推荐意见）。");
        errors["departmentOpinion"].Should().Equal("主管部门意见不能超过 500 个字。");
        (await ApplicationAsync()).OpinionsRecordedAt.Should().BeNull();
    }

    [TestCase("applicant1")]
    [TestCase("office")]
    public async Task Record_ByAnyoneButTheAuditor_IsForbidden(string userName)
    {
        await FireAsync(_instance, "approve", "auditor1");

        var act = () => RecordAsync(UnitText, DepartmentText, userName);

        await act.Should().ThrowAsync<ForbiddenAccessException>();
    }

    [Test]
    public async Task Record_ByAnotherUnitsAuditor_IsNotFound()
    {
        await FireAsync(_instance, "approve", "auditor1");

        var act = () => RecordAsync(UnitText, DepartmentText, "auditor2");

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task Record_OnceSubmittedToTheOffice_IsRefused()
    {
        await FireAsync(_instance, "approve", "auditor1");
        await RecordAsync(UnitText, DepartmentText);
        var auditor = await ActorAsync("auditor1");
        Clock.SetUtcNow(Beijing(2023, 8, 14, 9, 0, 0));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([_application], auditor)));
        Clock.SetUtcNow(Beijing(2023, 8, 21, 9, 0, 0));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<RecordUnitPublicity, TitleReview.Application.Workflows.FireResult>>().HandleAsync(new RecordUnitPublicity(_application, PublicityOutcome.NoObjection, null, auditor)));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<SubmitToOffice, int>>().HandleAsync(new SubmitToOffice([_application], auditor)));

        var act = () => RecordAsync(UnitText, "改过的意见");

        await act.Should().ThrowAsync<BusinessRuleViolationException>().WithMessage("材料已报送省政工职评办，不能再修改评审表意见。");
        (await ApplicationAsync()).DepartmentOpinion.Should().Be(DepartmentText);
    }

    private async Task<OpinionsRecorded> RecordAsync(string? unitOpinion, string? departmentOpinion, string userName = "auditor1")
    {
        var actor = await ActorAsync(userName);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<RecordReviewFormOpinions, OpinionsRecorded>>()
            .HandleAsync(new RecordReviewFormOpinions(_application, unitOpinion, departmentOpinion, null, actor)));
    }

    private async Task<DocumentView> DocumentAsync(string userName)
    {
        var actor = await ActorAsync(userName);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetDocument, DocumentView>>().HandleAsync(new GetDocument(_application, DocumentKind.ReviewForm, actor)));
    }

    private Task<TitleApplication> ApplicationAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<IApplicationDbContext>().TitleApplications.AsNoTracking().SingleAsync(a => a.Id == _application));
}
