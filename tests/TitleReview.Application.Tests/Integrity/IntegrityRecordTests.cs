using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Integrity;
using TitleReview.Application.Tests.Applicants;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Domain.Common;
using TitleReview.Domain.Integrity;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Integrity;

/// <summary>
/// The integrity record and its ban during the 2023 filing window (Aug 1–31): a banned ID number can
/// neither register nor start an application until the ban's last day has passed.
/// </summary>
public class IntegrityRecordTests : WorkflowTestBase
{
    private const string Banned = "该身份证号因诚信问题被限制申报至 2023年8月10日；如有疑问请联系省政工职评办（0851-85893109）。";

    /// <summary>李华 (applicant1), 黔南能源集团有限公司.</summary>
    private const string LiHuaIdNumber = "522701198803150219";

    [SetUp]
    public void InsideTheFilingWindow() => Clock.SetUtcNow(Beijing(2023, 8, 2, 10, 0, 0));

    [Test]
    public async Task Register_WithABannedIdNumber_IsRefusedOnTheIdNumberField_UntilTheBansLastDay_AndTheDayAfterItSucceeds()
    {
        var idNumber = TestIdNumbers.Valid("52010119850315123");
        await AddFindingAsync(idNumber, "测试申报人", bannedUntil: new DateOnly(2023, 8, 10));
        var before = await UserCountAsync();

        var refused = () => InScopeAsync(sp => ApplicantRegistrationTests.RegisterAsync(sp, DemoAccounts.QiannanEnergy.Id, idNumber: idNumber.ToLowerInvariant()));
        (await refused.Should().ThrowAsync<ValidationException>()).Which.Errors["idNumber"].Should().Equal(Banned);

        Clock.SetUtcNow(Beijing(2023, 8, 10, 23, 59, 59));
        (await refused.Should().ThrowAsync<ValidationException>()).Which.Errors["idNumber"].Should().Equal(Banned);
        (await UserCountAsync()).Should().Be(before, "nothing is saved while banned");

        Clock.SetUtcNow(Beijing(2023, 8, 11, 0, 0, 0));
        var account = await InScopeAsync(sp => ApplicantRegistrationTests.RegisterAsync(sp, DemoAccounts.QiannanEnergy.Id, idNumber: idNumber));
        account.UserName.Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task Start_ByAnApplicantWhoseIdNumberIsBanned_IsRefusedWithTheDayAndWhomToContact_AndTheDayAfterItStarts()
    {
        await AddFindingAsync(LiHuaIdNumber, "李华", bannedUntil: new DateOnly(2023, 8, 10));

        var start = () => StartApplicationAsync("applicant1", completeDossier: false);
        var refused = await start.Should().ThrowAsync<BusinessRuleViolationException>();
        refused.Which.BrokenRule.Should().BeOfType<NoRegisteringOrApplyingWhileBannedRule>();
        refused.Which.Message.Should().Be(Banned);
        (await ApplicationCountAsync()).Should().Be(0);

        Clock.SetUtcNow(Beijing(2023, 8, 10, 23, 59, 59));
        await start.Should().ThrowAsync<BusinessRuleViolationException>().WithMessage(Banned);

        Clock.SetUtcNow(Beijing(2023, 8, 11, 0, 0, 0));
        await StartApplicationAsync("applicant1", completeDossier: false);
        (await ApplicationCountAsync()).Should().Be(1);
    }

    [Test]
    public async Task AFindingWithoutABan_OrWithABanOver_BansNobody()
    {
        await AddFindingAsync(LiHuaIdNumber, "李华", bannedUntil: null);

        var ban = await InScopeAsync(sp => sp.GetRequiredService<IIntegrityRecord>().ActiveBanAsync(LiHuaIdNumber, new DateOnly(2023, 8, 2)));

        ban.Should().BeNull();
        await StartApplicationAsync("applicant1", completeDossier: false);
    }

    [Test]
    public async Task TheCasesSurface_StagesTheFindingInTheCallersUnitOfWork_AndTheLatestBanIsTheOneInForce()
    {
        await InScopeAsync(async sp =>
        {
            var record = sp.GetRequiredService<IIntegrityRecord>();
            await record.AddFindingAsync(new IntegrityFindingToRecord(LiHuaIdNumber.ToLowerInvariant(), "李华", DemoAccounts.QiannanEnergy.Id, Guid.NewGuid(), "抽查复核：学历证书原件与扫描件不一致", new DateOnly(2026, 8, 1)));
            await record.AddFindingAsync(new IntegrityFindingToRecord(LiHuaIdNumber, "李华", null, null, "论文抄袭", new DateOnly(2025, 8, 1)));
            (await sp.GetRequiredService<AppDbContext>().IntegrityRecordEntries.CountAsync()).Should().Be(0, "staged, not saved");
            await sp.GetRequiredService<IApplicationDbContext>().SaveChangesAsync();
        });

        var ban = await InScopeAsync(sp => sp.GetRequiredService<IIntegrityRecord>().ActiveBanAsync(LiHuaIdNumber, new DateOnly(2023, 8, 2)));

        ban.Should().Be(new ActiveBan(new DateOnly(2026, 8, 1), "抽查复核：学历证书原件与扫描件不一致", "省政工职评办（0851-85893109）"));
        var entries = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().IntegrityRecordEntries.AsNoTracking().ToListAsync());
        entries.Should().OnlyContain(e => e.IdNumber == LiHuaIdNumber);
        entries.Single(e => e.CaseId != null).UnitName.Should().Be(DemoAccounts.QiannanEnergy.Name);
    }

    [Test]
    public async Task AddFinding_WithBadInput_GivesFieldMessages_AndSavesNothing()
    {
        var office = await ActorAsync("office");

        var act = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<AddIntegrityFinding, Guid>>()
            .HandleAsync(new AddIntegrityFinding(TestIdNumbers.WrongCheck("52010119850315123"), " ", Guid.NewGuid(), "", Ban: true, new DateOnly(2023, 8, 2), office)));

        var errors = (await act.Should().ThrowAsync<ValidationException>()).Which.Errors;
        errors.Keys.Should().BeEquivalentTo("idNumber", "personName", "unitId", "finding", "bannedUntil");
        errors["finding"].Should().Equal("请填写诚信问题的具体情况。");
        errors["bannedUntil"].Should().Equal("限制申报的截止日期应晚于今天（2023年8月2日）。");

        var noDate = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<AddIntegrityFinding, Guid>>()
            .HandleAsync(new AddIntegrityFinding(LiHuaIdNumber, "李华", null, "学术不端", Ban: true, null, office)));
        (await noDate.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().Equal("bannedUntil");
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().IntegrityRecordEntries.CountAsync())).Should().Be(0);
    }

    [Test]
    public async Task AnApplicant_CannotAddAFinding()
    {
        var applicant = await ActorAsync("applicant1");

        var act = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<AddIntegrityFinding, Guid>>()
            .HandleAsync(new AddIntegrityFinding(LiHuaIdNumber, "李华", null, "学术不端", Ban: false, null, applicant)));

        await act.Should().ThrowAsync<ForbiddenAccessException>();
    }

    [Test]
    public async Task Search_ByIdNumberOrName_FindsThePersonWithEveryFinding()
    {
        await AddFindingAsync(LiHuaIdNumber, "李华", bannedUntil: new DateOnly(2026, 8, 1));
        await AddFindingAsync(LiHuaIdNumber, "李华", bannedUntil: null, finding: "职称申报材料中业绩证明不实");
        await AddFindingAsync(TestIdNumbers.Valid("52010119850315123"), "王五", bannedUntil: null);
        var office = await ActorAsync("office");

        async Task<IntegrityRecordView> SearchAsync(string? term) =>
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<SearchIntegrityRecord, IntegrityRecordView>>().HandleAsync(new SearchIntegrityRecord(term, office)));

        var byNumber = await SearchAsync(LiHuaIdNumber.ToLowerInvariant());
        byNumber.People.Should().ContainSingle().Which.Findings.Should().HaveCount(2);
        byNumber.People[0].ActiveBanUntil.Should().Be(new DateOnly(2026, 8, 1));
        (await SearchAsync("华")).People.Select(p => p.IdNumber).Should().Equal(LiHuaIdNumber);
        (await SearchAsync(null)).People.Should().HaveCount(2);
        (await SearchAsync("无此人")).People.Should().BeEmpty();
        byNumber.DefaultBanUntil.Should().Be(new DateOnly(2026, 8, 1), "three full years from 2023-08-02");
    }

    [Test]
    public async Task Marks_ShowTheBanAndTheUnitsListing_OnlyWhileInForce()
    {
        await StartApplicationAsync("applicant1", completeDossier: false);
        await StartApplicationAsync("applicant3", completeDossier: false);
        var ids = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().TitleApplications.AsNoTracking().ToDictionaryAsync(a => a.ApplicantName, a => a.Id));
        await AddFindingAsync(LiHuaIdNumber, "李华", bannedUntil: new DateOnly(2023, 8, 10));
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<PutUnitOnNegativeList, Guid>>().HandleAsync(new PutUnitOnNegativeList(
            DemoAccounts.ProvincialTransport.Id, "审核把关不严", "提交整改报告", new DateOnly(2023, 8, 1), new DateOnly(2023, 8, 20), office)));

        var marks = await MarksAsync(ids.Values);

        marks.Of(ids["李华"]).Should().ContainSingle().Which.Should().Be(new IntegrityBadge(IntegrityBadge.Ban, "诚信限制申报至 2023年8月10日", "学术不端"));
        marks.Of(ids["赵强"]).Should().ContainSingle().Which.Should().Be(new IntegrityBadge(IntegrityBadge.NegativeList, "单位列入诚信负面清单（至 2023年8月20日）", "审核把关不严"));

        Clock.SetUtcNow(Beijing(2023, 8, 21, 0, 0, 0));
        marks = await MarksAsync(ids.Values);
        marks.Of(ids["李华"]).Should().BeEmpty();
        marks.Of(ids["赵强"]).Should().BeEmpty();
    }

    [Test]
    public async Task NegativeList_WithBadInput_GivesFieldMessages_AndThePublicListShowsPublishedEntriesOnly()
    {
        var office = await ActorAsync("office");
        Task<Guid> PutAsync(PutUnitOnNegativeList put) => InScopeAsync(sp => sp.GetRequiredService<IHandler<PutUnitOnNegativeList, Guid>>().HandleAsync(put));

        var bad = () => PutAsync(new PutUnitOnNegativeList(null, " ", "", new DateOnly(2024, 1, 1), new DateOnly(2023, 12, 31), office));
        var errors = (await bad.Should().ThrowAsync<ValidationException>()).Which.Errors;
        errors.Keys.Should().BeEquivalentTo("unitId", "reason", "correctiveAction", "to");
        errors["to"].Should().Equal("列入期限的结束日期应晚于开始日期（2024年1月1日）。");

        var published = await PutAsync(new PutUnitOnNegativeList(DemoAccounts.QiannanEnergy.Id, "出具虚假证明", "全面自查", new DateOnly(2023, 8, 1), new DateOnly(2024, 7, 31), office));
        await PutAsync(new PutUnitOnNegativeList(DemoAccounts.ProvincialTransport.Id, "未公示即报送", "补充公示", new DateOnly(2023, 8, 1), new DateOnly(2024, 7, 31), office));
        var early = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<PublishNegativeListing, Guid>>().HandleAsync(new PublishNegativeListing(published, new DateOnly(2024, 1, 1), office)));
        (await early.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().Equal("until");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<PublishNegativeListing, Guid>>().HandleAsync(new PublishNegativeListing(published, new DateOnly(2025, 7, 31), office)));

        var list = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetPublicNegativeList, PublicNegativeListView>>().HandleAsync(new GetPublicNegativeList()));

        list.Entries.Should().ContainSingle().Which.Should().Be(new PublicNegativeListRow(DemoAccounts.QiannanEnergy.Name, "出具虚假证明", new DateOnly(2023, 8, 1), new DateOnly(2024, 7, 31), null, true));

        var noNote = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<EndNegativeListing, Guid>>().HandleAsync(new EndNegativeListing(published, " ", office)));
        (await noNote.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().Equal("note");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<EndNegativeListing, Guid>>().HandleAsync(new EndNegativeListing(published, "整改已完成", office)));
        var view = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetNegativeList, NegativeListView>>().HandleAsync(new GetNegativeList(office)));
        view.Entries.Single(e => e.Id == published).Should().Match<NegativeListRow>(e => e.EndedOn == new DateOnly(2023, 8, 2) && !e.InForce && !e.MayEnd);

        Clock.SetUtcNow(Beijing(2025, 8, 1, 0, 0, 0));
        (await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetPublicNegativeList, PublicNegativeListView>>().HandleAsync(new GetPublicNegativeList())))
            .Entries.Should().BeEmpty("its publication ended");
    }

    private async Task AddFindingAsync(string idNumber, string name, DateOnly? bannedUntil, string finding = "学术不端")
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<AddIntegrityFinding, Guid>>()
            .HandleAsync(new AddIntegrityFinding(idNumber, name, null, finding, bannedUntil is not null, bannedUntil, office)));
    }

    private Task<IntegrityMarkSet> MarksAsync(IEnumerable<Guid> applicationIds) =>
        InScopeAsync(sp => sp.GetRequiredService<IIntegrityMarks>().ForApplicationsAsync([.. applicationIds]));

    private Task<int> UserCountAsync() => InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Users.CountAsync());

    private Task<int> ApplicationCountAsync() => InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().TitleApplications.CountAsync());
}
