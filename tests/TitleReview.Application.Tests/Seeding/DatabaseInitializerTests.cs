using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TitleReview.Domain.Identity;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Seeding;

public class DatabaseInitializerDevelopmentTests : ApplicationTestBase
{
    [Test]
    public async Task Initialize_InDevelopment_SeedsDemoUnitsAndAccountsOnce()
    {
        await InitializeAsync();
        await InitializeAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Units.CountAsync()).Should().Be(DemoAccounts.Units.Count);
            (await db.Users.CountAsync()).Should().Be(DemoAccounts.Users.Count);

            var users = sp.GetRequiredService<UserManager<AppUser>>();
            foreach (var demo in DemoAccounts.Users)
            {
                var user = await users.FindByNameAsync(demo.UserName);
                user.Should().NotBeNull();
                (await users.GetRolesAsync(user!)).Should().BeEquivalentTo(demo.AllRoles);
                (await users.CheckPasswordAsync(user!, DemoAccounts.Password)).Should().BeTrue();
            }
        });
    }

    [Test]
    public async Task Initialize_EveryAuditorAndApplicantBelongsToAUnit()
    {
        await InitializeAsync();

        DemoAccounts.Users
            .Where(u => u.Role is Roles.Auditor or Roles.Applicant)
            .Should().OnlyContain(u => u.UnitId != null);
        DemoAccounts.Users.Where(u => u.Role == Roles.Auditor).Select(u => u.UnitId!.Value).Should()
            .BeEquivalentTo([DemoAccounts.QiannanEnergy.Id, DemoAccounts.ProvincialTransport.Id], "each of the two confirmed units has its auditor");
    }

    private Task InitializeAsync() => InitializeDatabaseAsync();
}

public class DatabaseInitializerProductionTests : ApplicationTestBase
{
    protected override string EnvironmentName => Environments.Production;

    protected override IDictionary<string, string?> ExtraConfiguration => new Dictionary<string, string?>
    {
        ["Bootstrap:OfficeUserName"] = "office.admin",
        ["Bootstrap:OfficePassword"] = "Strong#Pass2026",
    };

    [Test]
    public async Task Initialize_InProduction_CreatesRolesAndTheConfiguredOfficeAccountButNoDemoData()
    {
        await InitializeDatabaseAsync();
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Units.CountAsync()).Should().Be(0);
            (await db.Roles.Select(r => r.Name).ToListAsync()).Should().BeEquivalentTo(Roles.All);

            var users = sp.GetRequiredService<UserManager<AppUser>>();
            (await db.Users.Select(u => u.UserName).ToListAsync()).Should().Equal("office.admin");
            (await users.FindByNameAsync("office")).Should().BeNull();
            var admin = (await users.FindByNameAsync("office.admin"))!;
            (await users.GetRolesAsync(admin)).Should().BeEquivalentTo([Roles.Office, Roles.OfficeAdmin]);
        });
    }
}
