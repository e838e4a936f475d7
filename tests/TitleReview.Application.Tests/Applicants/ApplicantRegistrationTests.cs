using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applicants;
using TitleReview.Application.Applicants.Queries;
using TitleReview.Application.Applicants.RegisterApplicant;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Applicants;

/// <summary>Applicants register themselves during the 2023 filing window; both demo units are confirmed.</summary>
public class ApplicantRegistrationTests : WorkflowTestBase
{
    internal const string Password = "Ceshi#2023";
    private const string Prefix = "52010119850315123";

    [SetUp]
    public void InsideTheFilingWindow() => Clock.SetUtcNow(Beijing(2023, 8, 2, 10, 0, 0));

    [Test]
    public async Task Register_UnderAConfirmedUnit_CreatesAnActiveApplicantOfTheUnit_WhoCanSignInAndApplyOnce()
    {
        var idNumber = TestIdNumbers.EndingInX();

        var account = await RegisterAsync(DemoAccounts.QiannanEnergy.Id, idNumber: idNumber.ToLowerInvariant(), mobile: "139 0000 1001");

        account.UserName.Should().Be("13900001001", "the user name is the mobile number, without separators");
        await InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync("13900001001");
            user.Should().NotBeNull();
            user!.Id.Should().Be(account.UserId);
            user.IsActive.Should().BeTrue();
            user.ActivatedAt.Should().Be(Clock.GetUtcNow());
            user.DisplayName.Should().Be("测试申报人");
            user.UnitId.Should().Be(DemoAccounts.QiannanEnergy.Id);
            user.PhoneNumber.Should().Be("13900001001");
            user.IdNumber.Should().Be(idNumber, "stored upper-case");
            (await users.GetRolesAsync(user)).Should().Equal(Roles.Applicant);
            (await users.CheckPasswordAsync(user, Password)).Should().BeTrue();

            var audit = await sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
                .Where(e => e.UserId == user.Id && e.Action == AuditAction.AccountCreated).ToListAsync();
            audit.Should().ContainSingle().Which.Detail.Should().Contain("申报人自行注册").And.Contain(DemoAccounts.QiannanEnergy.Name);
        });

        await StartApplicationAsync("13900001001");
        var again = () => StartApplicationAsync("13900001001");
        await again.Should().ThrowAsync<DomainException>().WithMessage("*每人每年度只能申报一次*");
    }

    [TestCase("bad check character", "身份证号码校验位（第 18 位）错误，请逐位核对后重新填写。")]
    [TestCase("bad birth date", "身份证号码中的出生日期“19850230”不是有效日期。")]
    public async Task Register_WithBadFields_ReportsEveryProblemTogether_InChinese_AndCreatesNoUser(string idProblem, string idMessage)
    {
        var idNumber = idProblem == "bad birth date" ? TestIdNumbers.Valid("52010119850230123") : TestIdNumbers.WrongCheck(Prefix);
        var before = await UserCountAsync();

        var act = () => RegisterAsync(DemoAccounts.QiannanEnergy.Id, name: " ", idNumber: idNumber, mobile: "12900001002", password: "abcdefg", confirm: "abcdefh");

        var errors = (await act.Should().ThrowAsync<ValidationException>()).Which.Errors;
        errors.Keys.Should().BeEquivalentTo("name", "idNumber", "mobile", "password", "confirmPassword");
        errors["name"].Should().Equal("请填写姓名。");
        errors["idNumber"].Should().Equal(idMessage);
        errors["mobile"].Should().Equal("手机号码应以 13 至 19 开头，当前以“12”开头。");
        errors["password"].Should().BeEquivalentTo("密码至少需要 8 个字符。", "密码须包含大写字母、小写字母、数字、符号四类中的至少三类。");
        errors["confirmPassword"].Should().Equal("两次输入的密码不一致。");
        (await UserCountAsync()).Should().Be(before);
    }

    [Test]
    public async Task Register_WithoutAUnit_OrWithAnUnknownOne_IsAFieldProblem()
    {
        var none = () => RegisterAsync(null);
        (await none.Should().ThrowAsync<ValidationException>()).Which.Errors["unitId"].Should().Equal("请选择申报单位。");

        var unknown = () => RegisterAsync(Guid.NewGuid());
        (await unknown.Should().ThrowAsync<ValidationException>()).Which.Errors["unitId"].Should().Equal("所选申报单位不存在，请重新选择。");
    }

    [Test]
    public async Task Register_TheSameIdNumberOrMobileTwice_IsRefused()
    {
        var idNumber = TestIdNumbers.EndingInX();
        await RegisterAsync(DemoAccounts.QiannanEnergy.Id, idNumber: idNumber, mobile: "13900001003");
        var before = await UserCountAsync();

        var sameId = () => RegisterAsync(DemoAccounts.ProvincialTransport.Id, idNumber: idNumber.ToLowerInvariant(), mobile: "13900001004");
        (await sameId.Should().ThrowAsync<ValidationException>()).Which.Errors["idNumber"]
            .Should().Equal("该身份证号码已注册，请直接登录；如忘记密码请联系本单位审核人。");

        var sameMobile = () => RegisterAsync(DemoAccounts.QiannanEnergy.Id, idNumber: TestIdNumbers.Valid(Prefix), mobile: "13900001003");
        (await sameMobile.Should().ThrowAsync<ValidationException>()).Which.Errors["mobile"].Single()
            .Should().Contain("139****1003 已注册，请直接登录");

        (await UserCountAsync()).Should().Be(before);
    }

    [Test]
    public async Task Register_WithAnAuditorsMobile_IsRefused()
    {
        var act = () => RegisterAsync(DemoAccounts.QiannanEnergy.Id, mobile: "13800000101");

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["mobile"].Single()
            .Should().StartWith("审核人不得作为申报人").And.Contain("138****0101");
    }

    [Test]
    public async Task Register_UnderAUnitNotConfirmedInTime_IsRefusedNamingTheUnitAndWhomToCall()
    {
        var before = await UserCountAsync();

        var act = () => RegisterAsync(DemoAccounts.TongrenMaterials.Id);

        await act.Should().ThrowAsync<DomainException>().WithMessage(
            "“铜仁示范建材有限公司”未在规定时间内核准 2023 年度的审核人信息，按通知规定，其申报人员不能在系统上注册申报。请联系本单位人力资源部门，或省政工职评办（0851-85893109）。");
        (await UserCountAsync()).Should().Be(before);
    }

    [Test]
    public async Task Register_AfterTheFilingWindowClosed_SaysNoCampaignIsOpen()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 1, 0, 0, 0));

        var act = () => RegisterAsync(DemoAccounts.QiannanEnergy.Id);

        await act.Should().ThrowAsync<DomainException>().WithMessage("目前没有开放申报人注册的年度评审工作*0851-85893109*");
    }

    [Test]
    public async Task RegistrableUnits_AreTheConfirmedDemoUnits()
    {
        var units = await InScopeAsync(sp => sp.GetRequiredService<IHandler<ListRegistrableUnits, IReadOnlyList<RegistrableUnit>>>()
            .HandleAsync(new ListRegistrableUnits()));

        units.Select(u => (u.UnitId, u.IsConfirmed, u.Year)).Should().BeEquivalentTo(new[]
        {
            (DemoAccounts.QiannanEnergy.Id, true, 2023),
            (DemoAccounts.ProvincialTransport.Id, true, 2023),
        });
    }

    internal static Task<ApplicantAccount> RegisterAsync(
        IServiceProvider sp,
        Guid? unitId,
        string? name = "测试申报人",
        string? idNumber = null,
        string? mobile = "13900001009",
        string? password = Password,
        string? confirm = null) =>
        sp.GetRequiredService<IHandler<RegisterApplicant, ApplicantAccount>>()
            .HandleAsync(new RegisterApplicant(unitId, name, idNumber ?? TestIdNumbers.Valid(Prefix), mobile, password, confirm ?? password));

    private Task<ApplicantAccount> RegisterAsync(
        Guid? unitId,
        string? name = "测试申报人",
        string? idNumber = null,
        string? mobile = "13900001009",
        string? password = Password,
        string? confirm = null) =>
        InScopeAsync(sp => RegisterAsync(sp, unitId, name, idNumber, mobile, password, confirm));

    private Task<int> UserCountAsync() => InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Users.CountAsync());
}

/// <summary>Before and after the confirmation window closes, for a unit that registered but was never confirmed.</summary>
public class ApplicantRegistrationBeforeConfirmationTests : WorkflowTestBase
{
    protected override bool ConfirmDemoUnits => false;

    [Test]
    public async Task AnUnconfirmedUnit_IsListedAsSuch_AndItsStaffAreToldWhenItCanStillConfirm_ThenThatItDidNot()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 10, 0, 0));
        await RegisterUnitAsync(DemoAccounts.TongrenMaterials, "钱敏", "13800000103");

        var units = await InScopeAsync(sp => sp.GetRequiredService<IHandler<ListRegistrableUnits, IReadOnlyList<RegistrableUnit>>>()
            .HandleAsync(new ListRegistrableUnits()));
        units.Should().ContainSingle().Which.Should().Be(new RegistrableUnit(DemoAccounts.TongrenMaterials.Id, DemoAccounts.TongrenMaterials.Name, false, 2023));

        Clock.SetUtcNow(Beijing(2023, 7, 25, 10, 0, 0));
        var early = () => InScopeAsync(sp => ApplicantRegistrationTests.RegisterAsync(sp, DemoAccounts.TongrenMaterials.Id));
        await early.Should().ThrowAsync<DomainException>()
            .WithMessage("“铜仁示范建材有限公司”尚未核准 2023 年度的审核人信息（核准时间为 2023-07-24 00:00:00 至 2023-07-28 23:59:59），核准后其申报人员方可注册。*0851-85893109*");

        Clock.SetUtcNow(Beijing(2023, 8, 2, 10, 0, 0));
        var late = () => InScopeAsync(sp => ApplicantRegistrationTests.RegisterAsync(sp, DemoAccounts.TongrenMaterials.Id));
        await late.Should().ThrowAsync<DomainException>().WithMessage("“铜仁示范建材有限公司”未在规定时间内核准 2023 年度*0851-85893109*");
    }

    [Test]
    public async Task TheMobileOfAnAuditorWhoseUnitIsNotYetApproved_IsRefusedToo()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 10, 0, 0));
        await RegisterUnitAsync(DemoAccounts.TongrenMaterials, "钱敏", "13900001010");

        var act = () => InScopeAsync(sp => ApplicantRegistrationTests.RegisterAsync(sp, DemoAccounts.QiannanEnergy.Id, mobile: "13900001010"));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["mobile"].Single().Should().StartWith("审核人不得作为申报人");
    }
}
