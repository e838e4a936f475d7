using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.CopyCampaign;
using TitleReview.Application.Campaigns.CreateCampaign;
using TitleReview.Application.Campaigns.ExportTimeline;
using TitleReview.Application.Campaigns.GetOfficeDetails;
using TitleReview.Application.Campaigns.PublishOfficeDetails;
using TitleReview.Application.Campaigns.UpdateLevelRule;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Home.GetAuditorHome;
using TitleReview.Application.Home.GetInstructionSheet;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Application.Tests.Publicity;

/// <summary>The office's details per campaign on the real database: from the 2023 timeline, edited, copied, and shown to units in their windows.</summary>
public class OfficeDetailsTests : WorkflowTestBase
{
    [Test]
    public async Task CreateFromTimeline2023_SetsTheNoticesValues_AndTheExportCarriesThem()
    {
        var page = await PageAsync(2023);

        var d = page.Details!;
        d.DeliveryAddress.Should().Be("贵阳市南明区广顺路1号省委办公业务大楼");
        d.DeliveryRoom.Should().StartWith("1023室");
        d.QqGroup.Should().Be("853965686");
        d.MailRecipient.Should().Be("龚诚");
        d.PayeeName.Should().Be("中共贵州省委宣传部");
        d.AccountNumber.Should().Be("2402009709008830707—000000001");
        d.BankName.Should().Be("工行贵州分行营业部西湖路支行");
        d.BranchNumber.Should().Be("102701000336");
        d.TaxpayerNumber.Should().Be("11520000009390068R");
        d.TransferRemark.Should().Be("政工系列评审费");
        d.Contacts.Select(c => $"{c.Topic} {c.Name} {c.Phone}").Should().Equal(
            "系统操作咨询 金老师 13007817627", "系统操作咨询 叶老师 13595159115", "政策咨询 张老师 0851-85823885", "政策咨询 房老师 0851-85893109");

        var exported = await InScopeAsync(sp => sp.GetRequiredService<IHandler<ExportTimeline, string>>().HandleAsync(new ExportTimeline(2023)));
        exported.Should().Contain("\"accountNumber\": \"2402009709008830707—000000001\"").And.Contain("\"qqGroup\": \"853965686\"");
    }

    [Test]
    public async Task Timeline_WithABadAccountNumber_IsRefused_NamingTheField()
    {
        var document = await InScopeAsync(sp => Task.FromResult(TimelineDocument.Parse(sp.GetRequiredService<ITimelineFiles>().Read(2023))));
        document.OfficeDetails!.AccountNumber = "工行2402009709008830707";
        var catalogue = Services.GetRequiredService<IWorkflowDefinitions>().Latest(CampaignWorkflow.DefinitionId).Stages;

        var act = () => document.Read(catalogue);

        act.Should().Throw<ValidationException>().Which.Errors["officeDetails.accountNumber"].Single().Should().StartWith("办公信息：账号应为");
    }

    [Test]
    public async Task CreateFromATimelineWithoutDetails_LeavesThemUnpublished_AndTheAuditorIsToldSo()
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp =>
        {
            var json = sp.GetRequiredService<ITimelineFiles>().Read(2023)
                .Replace("2024-", "2025-", StringComparison.Ordinal)
                .Replace("2023", "2024", StringComparison.Ordinal);
            var document = TimelineDocument.Parse(json);
            document.OfficeDetails = null;
            return sp.GetRequiredService<IHandler<CreateCampaignFromTimeline, Guid>>().HandleAsync(new CreateCampaignFromTimeline(document, office));
        });
        Clock.SetUtcNow(Beijing(2024, 9, 2, 9, 0, 0));

        (await PageAsync(2024)).Details.Should().BeNull();
        (await HomeAsync("auditor1")).Office.Should().BeEquivalentTo(new { Year = 2024, IsPublished = false, ShowsDelivery = false, ShowsPayment = false });
    }

    [Test]
    public async Task Publish_WithBadInput_ReportsEachFieldAndChangesNothing()
    {
        var before = await PageAsync(2023);
        var bad = before.Details!.ToDraft() with
        {
            BranchNumber = "10270100033",
            MailPhone = "85893109",
            Contacts = [new("金老师", "13007817627", null)],
            PayeeName = "  ",
        };

        var act = () => PublishAsync(bad, before.ConcurrencyToken);

        var errors = (await act.Should().ThrowAsync<ValidationException>()).Which.Errors;
        errors.Keys.Should().BeEquivalentTo(["branchNumber", "mailPhone", "contacts[0].topic", "payeeName"]);
        var after = await PageAsync(2023);
        after.ConcurrencyToken.Should().Be(before.ConcurrencyToken);
        after.Details!.ToDraft().Should().BeEquivalentTo(before.Details.ToDraft());
        after.Changes.Should().BeEmpty();
    }

    [Test]
    public async Task Publish_OfOneChangedField_SavesItAndJournalsWhatChanged_AndAStaleFormIsRefused()
    {
        var before = await PageAsync(2023);

        await PublishAsync(before.Details!.ToDraft() with { DeliveryRoom = "1024室" }, before.ConcurrencyToken);
        var stale = () => PublishAsync(before.Details.ToDraft() with { QqGroup = "12345678" }, before.ConcurrencyToken);

        await stale.Should().ThrowAsync<ConcurrencyConflictException>();
        var after = await PageAsync(2023);
        after.Details!.DeliveryRoom.Should().Be("1024室");
        after.Details.QqGroup.Should().Be("853965686");
        after.Changes.Should().ContainSingle().Which.Text.Should().Be("修改报送及缴费办公信息：报送房间");
    }

    [Test]
    public async Task Copy_CarriesTheDetailsToTheNewYear()
    {
        var office = await ActorAsync("office");

        await InScopeAsync(sp => sp.GetRequiredService<IHandler<CopyCampaign, Guid>>().HandleAsync(new CopyCampaign(2023, 2024, office)));

        (await PageAsync(2024)).Details!.AccountNumber.Should().Be("2402009709008830707—000000001");
    }

    [Test]
    public async Task AuditorHome_ShowsDeliveryUntilItsWindowCloses_PaymentUntilItsWindowCloses_AndContactsAlways()
    {
        await SubmitLiHuaToTheOfficeAsync();

        Clock.SetUtcNow(Beijing(2023, 9, 4, 9, 0, 0));
        var during = (await HomeAsync("auditor1")).Office!;
        var otherUnit = (await HomeAsync("auditor2")).Office!;
        Clock.SetUtcNow(Beijing(2023, 9, 9, 0, 0, 0));
        var afterDelivery = (await HomeAsync("auditor1")).Office!;
        Clock.SetUtcNow(Beijing(2023, 9, 16, 0, 0, 0));
        var afterPayment = (await HomeAsync("auditor1")).Office!;

        during.Should().BeEquivalentTo(new { Year = 2023, UnitHasSubmitted = true, ShowsDelivery = true, ShowsPayment = true });
        during.Delivery.LastSecond.Should().Be(Beijing(2023, 9, 8, 23, 59, 59));
        otherUnit.Should().BeEquivalentTo(new { UnitHasSubmitted = false, ShowsDelivery = false, ShowsPayment = false, IsPublished = true }, "auditor2's unit has submitted nobody");
        afterDelivery.Should().BeEquivalentTo(new { ShowsDelivery = false, ShowsPayment = true });
        afterPayment.Should().BeEquivalentTo(new { ShowsDelivery = false, ShowsPayment = false, IsPublished = true });
        afterPayment.Details!.Contacts.Should().HaveCount(4);
    }

    [Test]
    public async Task InstructionSheet_ListsTheUnitsSubmittedApplicants_AndTheirEnvelopesItems()
    {
        await SubmitLiHuaToTheOfficeAsync();

        var sheet = await SheetAsync("auditor1");
        var empty = await SheetAsync("auditor2");

        sheet.UnitName.Should().Be("黔南能源集团有限公司");
        sheet.People.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "李华", Level = TitleLevel.Intermediate });
        sheet.Envelope.Select(i => i.Number).Should().Contain([2, 3, 4, 6]);
        sheet.Notice.Details!.TransferRemark.Should().Be("政工系列评审费");
        empty.People.Should().BeEmpty();
        empty.Notice.UnitHasSubmitted.Should().BeFalse();
    }

    private async Task SubmitLiHuaToTheOfficeAsync()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        var instance = await StartApplicationAsync("applicant1");
        await FireAsync(instance, "submit", "applicant1");
        await FireAsync(instance, "approve", "auditor1");
        var application = (await InstanceAsync(instance)).SubjectId;
        var auditor = await ActorAsync("auditor1");
        Clock.SetUtcNow(Beijing(2023, 8, 14, 9, 0, 0));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([application], auditor)));
        Clock.SetUtcNow(Beijing(2023, 8, 21, 9, 0, 0));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<RecordUnitPublicity, TitleReview.Application.Workflows.FireResult>>().HandleAsync(new RecordUnitPublicity(application, PublicityOutcome.NoObjection, null, auditor)));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<SubmitToOffice, int>>().HandleAsync(new SubmitToOffice([application], auditor)));
    }

    private Task<OfficeDetailsPage> PageAsync(int year) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetOfficeDetails, OfficeDetailsPage>>().HandleAsync(new GetOfficeDetails(year)));

    private async Task<Guid> PublishAsync(OfficeDetailsDraft draft, Guid token)
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<PublishOfficeDetails, Guid>>().HandleAsync(new PublishOfficeDetails(2023, draft, token, office)));
    }

    [Test]
    public async Task InstructionSheet_SaysTheAmountDue_OnlyOnceTheLevelsFeeIsSet()
    {
        await SubmitLiHuaToTheOfficeAsync();

        var unset = await SheetAsync("auditor1");
        var office = await ActorAsync("office");
        var rule = LevelRule.DefaultFor(TitleLevel.Intermediate);
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<UpdateLevelRule, LevelRule>>().HandleAsync(
            new UpdateLevelRule(CampaignId, TitleLevel.Intermediate, rule.HoursPerYear, rule.EducationYears, rule.RequiredWordCount, rule.RequiredPapers, rule.MinYearsInCurrentTitle, office) { ReviewFee = 300m }));
        var set = await SheetAsync("auditor1");

        unset.AmountDue.Lines.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Level = TitleLevel.Intermediate, Applicants = 1, Fee = (decimal?)null });
        unset.AmountDue.Total.Should().BeNull("a level without a fee leaves the amount unknown, never a partial sum");
        set.AmountDue.Total.Should().Be(300m);
    }

    private async Task<AuditorHome> HomeAsync(string userName)
    {
        var actor = await ActorAsync(userName);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetAuditorHome, AuditorHome>>().HandleAsync(new GetAuditorHome(actor)));
    }

    private async Task<InstructionSheet> SheetAsync(string userName)
    {
        var actor = await ActorAsync(userName);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetInstructionSheet, InstructionSheet>>().HandleAsync(new GetInstructionSheet(actor)));
    }
}
