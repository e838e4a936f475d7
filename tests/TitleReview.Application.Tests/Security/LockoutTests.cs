using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Application.Tests.Security;

public class LockoutTests : ApplicationTestBase
{
    private const string WrongPassword = "Wrong#Pass1";

    [Test]
    public async Task FiveFailedAttempts_LockTheAccountForThirtyMinutes()
    {
        await InitializeDatabaseAsync();
        await InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            users.Should().BeOfType<ClockedUserManager>();
            var user = (await users.FindByNameAsync("applicant1"))!;

            for (var i = 0; i < 4; i++)
            {
                (await users.CheckPasswordAsync(user, WrongPassword)).Should().BeFalse();
                await users.AccessFailedAsync(user);
            }

            (await users.IsLockedOutAsync(user)).Should().BeFalse("four failures are allowed");

            await users.AccessFailedAsync(user);
            (await users.IsLockedOutAsync(user)).Should().BeTrue();
            (await users.GetLockoutEndDateAsync(user)).Should().Be(StartInstant.AddMinutes(30));

            Clock.Advance(TimeSpan.FromMinutes(29));
            (await users.IsLockedOutAsync(user)).Should().BeTrue();

            Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
            (await users.IsLockedOutAsync(user)).Should().BeFalse();
        });
    }

    [TestCase("Short#1", false, TestName = "Password_WhenSevenCharacters_Refused")]
    [TestCase("abcdefgh1", false, TestName = "Password_WhenTwoClasses_Refused")]
    [TestCase("abcdefg1!", true, TestName = "Password_WhenLowerDigitSymbol_Accepted")]
    [TestCase("Abcdefgh1", true, TestName = "Password_WhenUpperLowerDigit_Accepted")]
    public async Task PasswordPolicy(string password, bool accepted)
    {
        await InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var result = await users.CreateAsync(new AppUser { UserName = "newuser", DisplayName = "测试" }, password);

            result.Succeeded.Should().Be(accepted);
            if (!accepted)
            {
                result.Errors.Should().OnlyContain(e => e.Description.Any(c => c >= '\u4e00' && c <= '\u9fff'), "messages are Chinese");
            }
        });
    }
}
