using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Security;

public partial class PasswordResetTests : ApplicationTestBase
{
    private const string User = "applicant1";
    private const string NewPassword = "Fresh#Pass2026";

    [SetUp]
    public Task SeedAsync() => InitializeDatabaseAsync();

    [Test]
    public async Task Reset_WithinFifteenMinutes_ChangesPasswordStampAndLockout()
    {
        var code = await RequestAsync();
        string stampBefore = string.Empty;
        await InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(User))!;
            stampBefore = user.SecurityStamp!;
            await users.AccessFailedAsync(user);
        });
        Clock.Advance(TimeSpan.FromMinutes(14));

        await ResetAsync(code);

        await InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(User))!;
            (await users.CheckPasswordAsync(user, NewPassword)).Should().BeTrue();
            user.SecurityStamp.Should().NotBe(stampBefore, "other sessions are signed out");
            user.AccessFailedCount.Should().Be(0);
        });
    }

    [Test]
    public async Task Reset_AfterFifteenMinutes_IsRefused()
    {
        var code = await RequestAsync();
        Clock.Advance(TimeSpan.FromMinutes(15));

        await FluentActions.Awaiting(() => ResetAsync(code)).Should().ThrowAsync<ValidationException>();
    }

    [Test]
    public async Task NewRequest_VoidsThePreviousCode()
    {
        var first = await RequestAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await RequestAsync();

        await FluentActions.Awaiting(() => ResetAsync(first)).Should().ThrowAsync<ValidationException>();
        await ResetAsync(second);
    }

    [Test]
    public async Task FiveWrongTries_VoidTheCode()
    {
        var code = await RequestAsync();
        var wrong = code == "000000" ? "000001" : "000000";
        for (var i = 0; i < 5; i++)
        {
            await FluentActions.Awaiting(() => ResetAsync(wrong)).Should().ThrowAsync<ValidationException>();
        }

        await FluentActions.Awaiting(() => ResetAsync(code)).Should().ThrowAsync<ValidationException>();
    }

    [Test]
    public async Task FourthRequestWithinAnHour_SendsNothing_UntilTheHourHasPassed()
    {
        for (var i = 0; i < 3; i++)
        {
            await RequestAsync();
            Clock.Advance(TimeSpan.FromMinutes(10));
        }

        await RequestOnlyAsync(User);
        (await CountMessagesAsync()).Should().Be(3);

        Clock.Advance(TimeSpan.FromMinutes(31));
        await RequestOnlyAsync(User);
        (await CountMessagesAsync()).Should().Be(4);
    }

    [Test]
    public async Task DisabledAccount_GetsNoCode()
    {
        await InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(User))!;
            user.DisabledAt = Clock.GetUtcNow();
            user.IsActive = false;
            await users.UpdateAsync(user);
        });

        await RequestOnlyAsync(User);

        (await CountMessagesAsync()).Should().Be(0);
    }

    private async Task<string> RequestAsync()
    {
        await RequestOnlyAsync(User);
        var body = string.Empty;
        await InScopeAsync(async sp =>
            body = (await sp.GetRequiredService<AppDbContext>().OutboundMessages.ToListAsync()).MaxBy(m => m.CreatedAt)!.Body);
        return CodePattern().Match(body).Groups[1].Value;
    }

    private Task RequestOnlyAsync(string userName) =>
        InScopeAsync(sp => sp.GetRequiredService<PasswordReset>().RequestAsync(userName, null));

    private Task ResetAsync(string code) =>
        InScopeAsync(sp => sp.GetRequiredService<PasswordReset>().ResetAsync(User, code, NewPassword, NewPassword, null));

    private async Task<int> CountMessagesAsync()
    {
        var count = 0;
        await InScopeAsync(async sp => count = await sp.GetRequiredService<AppDbContext>().OutboundMessages.CountAsync());
        return count;
    }

    [GeneratedRegex("验证码 ([0-9]{6})")]
    private static partial Regex CodePattern();
}
