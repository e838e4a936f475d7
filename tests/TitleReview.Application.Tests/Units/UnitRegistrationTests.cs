using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Units;
using TitleReview.Application.Units.Queries;
using TitleReview.Application.Units.RegisterUnit;
using TitleReview.Application.Units.ReplaceAuditor;
using TitleReview.Application.Units.ReviewRegistration;
using TitleReview.Domain.Common;
using TitleReview.Domain.Messaging;
using TitleReview.Domain.Security;
using TitleReview.Domain.Units;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Units;

public class UnitRegistrationTests : WorkflowTestBase
{
    private const string NewCode = "91522300MA6J8R3N56";
    private const string FillerMobile = "13600001111";

    protected override bool ConfirmDemoUnits => false;

    [Test]
    public async Task Register_BeforeAndAfterTheWindow_IsRefusedWithTheWindowsDatesAndWhomToCall()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 16, 23, 59, 59));
        var early = () => RegisterAsync();
        await early.Should().ThrowAsync<DomainException>().WithMessage("*2023-07-17 00:00:00 至 2023-07-21 23:59:59*尚未开始*0851-85893109*");

        Clock.SetUtcNow(Beijing(2023, 7, 21, 23, 59, 59));
        (await RegisterAsync()).Number.Should().Be("DW2023-0001", "the last second still counts");

        Clock.SetUtcNow(Beijing(2023, 7, 22, 0, 0, 0));
        var late = () => RegisterAsync(code: "91520000MA6H3T7P04");
        await late.Should().ThrowAsync<DomainException>().WithMessage("*已于 2023-07-21 23:59:59 截止*联系省政工职评办（0851-85893109）*");
    }

    [Test]
    public async Task Register_InsideTheWindow_CreatesAPendingRegistration_WithAnInboxMessage()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));

        var receipt = await RegisterAsync();

        var detail = await FindAsync(receipt);
        detail.State.Should().Be("Registered");
        detail.StateName.Should().Be("待省政工职评办审核");
        detail.Details.UnitName.Should().Be("黔西南示范能源有限公司");
        detail.Inbox.Should().ContainSingle().Which.Link.Should().BeNull();
    }

    [Test]
    public async Task Register_ReturnsAnUnguessableAccessTokenOnce_SendsItToTheFiller_AndStoresOnlyItsHash()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));

        var receipt = await RegisterAsync();

        receipt.AccessToken.Should().MatchRegex("^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$");
        receipt.SentTo.Should().BeEquivalentTo(["邮箱 f***@example.cn", "手机 136****1111"]);
        var sms = await LastMessageToAsync(FillerMobile);
        sms.Channel.Should().Be(MessageChannel.Sms);
        sms.Body.Should().Contain(receipt.AccessToken).And.Contain(receipt.Number);
        sms.ContainsSecret.Should().BeTrue();
        (await LastMessageToAsync("filler@example.cn")).Body.Should().Contain(receipt.AccessToken);

        var stored = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().UnitRegistrations.AsNoTracking().SingleAsync(r => r.Id == receipt.RegistrationId));
        stored.AccessTokenHash.Should().Be(RegistrationAccessToken.Hash(receipt.AccessToken)).And.NotContain(receipt.AccessToken.Replace("-", string.Empty));
    }

    [Test]
    public async Task Status_ByAccessToken_ShowsMaskedContactsAndNoLink_AndAWrongTokenFindsNothing()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        var receipt = await RegisterAsync();
        await ApproveAsync(receipt);

        var status = await StatusAsync(receipt.AccessToken.ToLowerInvariant().Replace("-", " "));

        status.Number.Should().Be(receipt.Number);
        status.MaskedAuditorMobile.Should().Be("137****1111");
        status.MaskedAuditorEmail.Should().Be("h***@example.cn");
        status.Inbox.Should().HaveCount(2).And.OnlyContain(m => m.Link == null && !m.Body.Contains("token="));
        status.Inbox.First().Body.Should().Contain("手机 137****1111").And.Contain("邮箱 h***@example.cn");

        foreach (var wrong in new[] { receipt.Number, NewCode, "", "ABCDE-FGHJK-MNPQR-STVWX", receipt.AccessToken[..^1] + (receipt.AccessToken[^1] == '0' ? '1' : '0') })
        {
            var act = () => StatusAsync(wrong);
            await act.Should().ThrowAsync<NotFoundException>();
        }
    }

    [Test]
    public async Task ReissueAccessToken_SendsANewTokenToTheFiller_AndTheOldOneStopsWorking()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        var receipt = await RegisterAsync();
        var office = await ActorAsync("office");
        Clock.Advance(TimeSpan.FromDays(1));

        var sentTo = await InScopeAsync(sp => sp.GetRequiredService<IHandler<ReissueAccessToken, IReadOnlyList<string>>>()
            .HandleAsync(new ReissueAccessToken(receipt.RegistrationId, office)));

        sentTo.Should().Contain("手机 136****1111");
        var fresh = System.Text.RegularExpressions.Regex.Match((await LastMessageToAsync(FillerMobile)).Body, "[0-9A-Z]{5}(-[0-9A-Z]{5}){3}").Value;
        fresh.Should().NotBe(receipt.AccessToken);
        (await StatusAsync(fresh)).Number.Should().Be(receipt.Number);
        var old = () => StatusAsync(receipt.AccessToken);
        await old.Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task Register_TheSameCreditCodeTwice_IsRefused_ButAfterRejectionItMayRegisterAgain()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        var first = await RegisterAsync();

        var again = () => RegisterAsync(code: NewCode.ToLowerInvariant());
        (await again.Should().ThrowAsync<ValidationException>()).Which.Errors["creditCode"].Single().Should().Contain("DW2023-0001");

        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<RejectRegistration, TitleReview.Application.Workflows.FireResult>>()
            .HandleAsync(new RejectRegistration(first.RegistrationId, "单位名称与营业执照不一致", office)));
        (await FindAsync(first)).Inbox.First().Body.Should().Contain("单位名称与营业执照不一致");

        (await RegisterAsync()).Number.Should().Be("DW2023-0002");
    }

    [Test]
    public async Task Register_AnEnterpriseFromAnotherProvince_PicksOutOfProvinceInsteadOfAGuizhouRegion()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));

        var receipt = await RegisterAsync(nature: UnitNature.OutOfProvinceEnterprise, region: Regions.OutOfProvince);

        (await FindAsync(receipt)).Details.Region.Should().Be("省外单位");
    }

    [Test]
    public async Task Register_AnOutOfProvinceEnterpriseWithAGuizhouRegion_IsRefusedOnTheRegion()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));

        var act = () => RegisterAsync(nature: UnitNature.OutOfProvinceEnterprise, region: "贵阳市");

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["region"].Should().Equal("单位性质为“省外企业”的，所属地区请选择“省外单位”，而不是贵州省的“贵阳市”。");
    }

    [Test]
    public async Task Register_WithBadFields_ListsEveryProblem_AndSavesNothing()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));

        var act = () => RegisterAsync(code: "91522300MA6J8R3N57", mobile: "12812345678", isHr: false, qq: "0123");

        var errors = (await act.Should().ThrowAsync<ValidationException>()).Which.Errors;
        errors["creditCode"].Single().Should().Contain("校验位");
        errors["auditorMobile"].Should().NotBeEmpty();
        errors["auditorIsHr"].Single().Should().Contain("人力资源部门");
        errors["auditorQq"].Should().NotBeEmpty();
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().UnitRegistrations.CountAsync())).Should().Be(0);
    }

    [Test]
    public async Task Approval_CreatesAnInactiveAuditor_WhoCanSignInOnlyAfterActivation_AndTheLinkExpires()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        var receipt = await RegisterAsync();
        var account = await ApproveAsync(receipt);

        account.UserName.Should().Be("13700001111");
        account.SentTo.Should().BeEquivalentTo(["邮箱 h***@example.cn", "手机 137****1111"]);
        var first = await ActivationTokenSentToAsync("13700001111");
        (await LastMessageToAsync("hr@example.cn")).Body.Should().Contain($"/Account/Activate?token={first}");
        (await CanSignInAsync(account.UserName, "Audit#2023x")).Should().BeFalse("no password and not active yet");
        (await FindAsync(receipt)).Inbox.Should().OnlyContain(m => m.Link == null && !m.Body.Contains(first));

        Clock.Advance(TimeSpan.FromHours(73));
        var expired = () => ActivateAsync(first, "Audit#2023x");
        await expired.Should().ThrowAsync<DomainException>().WithMessage("激活链接已于*过期*");

        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<ReissueActivation, AuditorAccountIssued>>()
            .HandleAsync(new ReissueActivation(receipt.RegistrationId, office)));
        var fresh = await ActivationTokenSentToAsync("13700001111");
        fresh.Should().NotBe(first);
        await ActivateAsync(fresh, "Audit#2023x");

        (await CanSignInAsync(account.UserName, "Audit#2023x")).Should().BeTrue();
        var reuse = () => ActivateAsync(fresh, "Other#2023x");
        await reuse.Should().ThrowAsync<DomainException>().WithMessage("*已使用过*");
        var audit = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.Where(e => e.Actor == "13700001111").Select(e => e.Action).ToListAsync());
        audit.Should().ContainInOrder(AuditAction.AccountCreated, AuditAction.ActivationLinkIssued, AuditAction.ActivationLinkIssued, AuditAction.AccountActivated);
    }

    [Test]
    public async Task Confirmation_OnlyInsideItsWindow_AndUnconfirmedUnitsAreClosedByTheClock()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        var confirmed = await RegisterUnitAsync(DemoAccounts.QiannanEnergy, "王敏", "13800000101");
        var approvedOnly = await RegisterUnitAsync(DemoAccounts.ProvincialTransport, "刘洋", "13800000102");
        var neverReviewed = await RegisterUnitAsync(DemoAccounts.TongrenMaterials, "钱敏", "13800000103");
        await ApproveAsync(confirmed);
        await ApproveAsync(approvedOnly);

        var tooEarly = () => FireAsync(RegistrationInstanceAsync(confirmed).Result, "confirm", "auditor1");
        await tooEarly.Should().ThrowAsync<DomainException>().WithMessage("*核准审核人信息*尚未开始*");

        Clock.SetUtcNow(Beijing(2023, 7, 28, 23, 59, 59));
        (await FireAsync(await RegistrationInstanceAsync(confirmed), "confirm", "auditor1")).ToState.Should().Be("Confirmed");

        Clock.SetUtcNow(Beijing(2023, 7, 29, 0, 0, 0));
        await RunClockAsync();
        (await FindAsync(approvedOnly)).State.Should().Be("NotConfirmed");
        (await FindAsync(neverReviewed)).State.Should().Be("NotConfirmed");
        (await FindAsync(confirmed)).State.Should().Be("Confirmed");

        Clock.SetUtcNow(Beijing(2023, 8, 1, 9, 0, 0));
        (await StartApplicationAsync("applicant1")).Should().NotBeEmpty("unit 1 is confirmed");
        var blocked = () => StartApplicationAsync("applicant3");
        await blocked.Should().ThrowAsync<DomainException>()
            .WithMessage("“贵州省示范交通投资集团有限公司”未在规定时间内核准 2023 年度的审核人信息*不能在系统上申报*0851-85893109*");
    }

    [Test]
    public async Task ReplaceAuditor_DisablesTheOldAccount_CreatesANewOne_AndLogsBoth()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        var receipt = await RegisterAsync();
        var old = await ApproveAsync(receipt);
        await ActivateAsync(await ActivationTokenSentToAsync("13700001111"), "Audit#2023x");

        Clock.SetUtcNow(Beijing(2023, 8, 5, 9, 0, 0));
        var office = await ActorAsync("office");
        var replacement = await InScopeAsync(sp => sp.GetRequiredService<IHandler<ReplaceAuditor, AuditorAccountIssued>>()
            .HandleAsync(new ReplaceAuditor(receipt.RegistrationId, "孔新", "13700002222", null, null, null, "原审核人调岗", office)));

        (await CanSignInAsync(old.UserName, "Audit#2023x")).Should().BeFalse("the old account is disabled");
        replacement.UserName.Should().Be("13700002222");
        replacement.SentTo.Should().Equal("手机 137****2222");
        (await ActivationTokenSentToAsync("13700002222")).Should().NotBeEmpty("the new auditor's link goes to the new auditor's mobile");
        var detail = await FindAsync(receipt);
        detail.Details.AuditorName.Should().Be("孔新");
        var audit = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.Select(e => new { e.Actor, e.Action }).ToListAsync());
        audit.Should().Contain(new { Actor = "13700001111", Action = AuditAction.AccountDisabled });
        audit.Should().Contain(new { Actor = "13700002222", Action = AuditAction.AccountCreated });
        (await JournalAsync(detail.InstanceId)).Last().Reason.Should().Contain("原审核人调岗").And.Contain("137****2222");
    }

    [Test]
    public async Task ReplaceAuditor_WithAnApplicantOfTheCampaign_IsRefused()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        var receipt = await RegisterUnitAsync(DemoAccounts.QiannanEnergy, "王敏", "13800000101");
        await ApproveAsync(receipt);
        Clock.SetUtcNow(Beijing(2023, 7, 24, 9, 0, 0));
        await FireAsync(await RegistrationInstanceAsync(receipt), "confirm", "auditor1");
        Clock.SetUtcNow(Beijing(2023, 8, 2, 9, 0, 0));
        await StartApplicationAsync("applicant1");

        var office = await ActorAsync("office");
        var act = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<ReplaceAuditor, AuditorAccountIssued>>()
            .HandleAsync(new ReplaceAuditor(receipt.RegistrationId, "李华", "13900000201", null, null, null, "调整", office)));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["auditorMobile"].Single().Should().Contain("审核人不得由申报人担任");
    }

    [Test]
    public async Task AnAuditorOfAnotherUnit_CannotReadTheRegistration()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        var transport = await RegisterUnitAsync(DemoAccounts.ProvincialTransport, "刘洋", "13800000102");
        await ApproveAsync(transport);
        var stranger = await ActorAsync("auditor1");
        var owner = await ActorAsync("auditor2");

        var act = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<GetRegistration, RegistrationDetail>>().HandleAsync(new GetRegistration(transport.RegistrationId, stranger)));

        await act.Should().ThrowAsync<NotFoundException>();
        (await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetRegistration, RegistrationDetail>>().HandleAsync(new GetRegistration(transport.RegistrationId, owner))))
            .Details.AuditorMobile.Should().Be("13800000102", "the unit itself sees the number whole");
    }

    [Test]
    public async Task OfficeList_MasksMobileNumbersAndCreditCodes()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        await RegisterAsync();

        var rows = await InScopeAsync(sp => sp.GetRequiredService<IHandler<ListRegistrations, IReadOnlyList<RegistrationListItem>>>().HandleAsync(new ListRegistrations(2023)));

        rows.Single().MaskedMobile.Should().Be("137****1111");
        rows.Single().MaskedCreditCode.Should().Be("9152**********3N56");
    }

    private Task<RegistrationReceipt> RegisterAsync(string code = NewCode, string mobile = "13700001111", bool isHr = true, string? qq = "123456", UnitNature nature = UnitNature.CityOrPrefectureEnterprise, string region = "黔西南州") =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<RegisterUnit, RegistrationReceipt>>().HandleAsync(new RegisterUnit(
            CampaignId, "黔西南示范能源有限公司", code, nature, region, "黔西南州国资委",
            "孟华", mobile, "0859-3220000", qq, "hr@example.cn", isHr, "周文", FillerMobile, "filler@example.cn")));

    private Task<RegistrationDetail> FindAsync(RegistrationReceipt receipt) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<FindRegistration, RegistrationDetail>>().HandleAsync(new FindRegistration(receipt.AccessToken)));

    private Task<RegistrationStatus> StatusAsync(string token) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetRegistrationStatus, RegistrationStatus>>().HandleAsync(new GetRegistrationStatus(token)));

    private Task ActivateAsync(string token, string password) =>
        InScopeAsync(sp => sp.GetRequiredService<AccountActivator>().ActivateAsync(token, password, password, "127.0.0.1"));

    private Task<bool> CanSignInAsync(string userName, string password) => InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName);
        return user is not null && user.IsActive && await users.CheckPasswordAsync(user, password);
    });
}
