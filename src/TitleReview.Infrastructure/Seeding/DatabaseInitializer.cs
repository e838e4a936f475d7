using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TitleReview.Domain.Applications.Preliminary;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Units;
using TitleReview.Infrastructure.Identity;
using TitleReview.Application.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Workflow;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// Runs at start-up: puts a SQLite file in WAL mode, applies pending migrations, makes sure the
/// roles exist, creates the first office account from configuration if asked, and seeds demo
/// data in Development only.
/// </summary>
public sealed class DatabaseInitializer(
    AppDbContext db,
    IWorkflowDefinitions definitions,
    DemoCampaigns demoCampaigns,
    TimeProvider clock,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IHostEnvironment environment,
    IConfiguration configuration,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await SqlitePragmas.UseWriteAheadLogAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await EnsureDefinitionVersionsAsync(cancellationToken);
        await EnsureRolesAsync();
        await EnsureFailureReasonsAsync(cancellationToken);
        await EnsureBootstrapOfficeAccountAsync();

        if (environment.IsDevelopment())
        {
            await SeedDemoDataAsync(cancellationToken);
            if (configuration.GetValue("Demo:SeedCampaigns", defaultValue: true))
            {
                await demoCampaigns.SeedAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// Instances pin their definition version, so a version registered in this database may
    /// never change its content: a changed file under an existing version stops start-up.
    /// </summary>
    private async Task EnsureDefinitionVersionsAsync(CancellationToken cancellationToken)
    {
        var registered = await db.WorkflowDefinitionVersions.ToListAsync(cancellationToken);
        foreach (var definition in definitions.All)
        {
            var record = registered.FirstOrDefault(r => r.DefinitionId == definition.DefinitionId && r.Version == definition.Version);
            if (record is null)
            {
                db.WorkflowDefinitionVersions.Add(new WorkflowDefinitionRecord
                {
                    DefinitionId = definition.DefinitionId,
                    Version = definition.Version,
                    Sha256 = definition.Sha256,
                    FileName = definition.FileName,
                    RegisteredAt = clock.GetUtcNow(),
                });
            }
            else if (!string.Equals(record.Sha256, definition.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new WorkflowDefinitionException(
                    definition.FileName,
                    $"the content of {definition.Key} differs from the version this database registered on {record.RegisteredAt:u} (SHA-256 {record.Sha256}); instances are pinned to it: add a new version instead.");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
    }

    /// <summary>
    /// The office's list of preliminary-review failure reasons, in production too: the office
    /// needs it on the first day of its review. Only an empty list is filled, so what the office
    /// later renames, reorders or deletes stays as it left it.
    /// </summary>
    private async Task EnsureFailureReasonsAsync(CancellationToken cancellationToken)
    {
        if (await db.FailureReasons.AnyAsync(cancellationToken))
        {
            return;
        }

        var added = new List<string>();
        foreach (var text in FailureReason.Defaults)
        {
            db.FailureReasons.Add(FailureReason.Create(text, added.Count + 1, added, clock.GetUtcNow()));
            added.Add(text);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Production has no demo data; its first office account comes from
    /// <c>Bootstrap:OfficeUserName</c> and <c>Bootstrap:OfficePassword</c> (environment or
    /// secret store), used only while no office account exists.
    /// </summary>
    private async Task EnsureBootstrapOfficeAccountAsync()
    {
        var userName = configuration["Bootstrap:OfficeUserName"];
        var password = configuration["Bootstrap:OfficePassword"];
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        if ((await users.GetUsersInRoleAsync(Roles.Office)).Count > 0)
        {
            return;
        }

        var user = new AppUser { UserName = userName, DisplayName = "省政工职评办管理员", LockoutEnabled = true, IsActive = true, ActivatedAt = clock.GetUtcNow() };
        Check(await users.CreateAsync(user, password), $"bootstrap office account {userName}");
        Check(await users.AddToRolesAsync(user, [Roles.Office, Roles.OfficeAdmin]), $"bootstrap office roles for {userName}");
        logger.LogInformation("Created the first office account {UserName} from configuration", userName);
    }

    private async Task SeedDemoDataAsync(CancellationToken cancellationToken)
    {
        foreach (var unit in DemoAccounts.Units)
        {
            if (!await db.Units.AnyAsync(u => u.Id == unit.Id, cancellationToken))
            {
                db.Units.Add(Unit.Create(unit.Id, unit.Name, unit.CreditCode, unit.Nature, unit.Region));
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        foreach (var demo in DemoAccounts.Users)
        {
            if (await users.FindByNameAsync(demo.UserName) is { } existing)
            {
                // A demo database made before a role was added gets it too.
                var missing = demo.AllRoles.Except(await users.GetRolesAsync(existing)).ToList();
                if (missing.Count > 0)
                {
                    Check(await users.AddToRolesAsync(existing, missing), $"demo roles for {demo.UserName}");
                }

                continue;
            }

            var user = new AppUser
            {
                UserName = demo.UserName,
                DisplayName = demo.DisplayName,
                UnitId = demo.UnitId,
                PhoneNumber = demo.Mobile,
                IdNumber = demo.IdNumber,
                LockoutEnabled = true,
                IsActive = true,
                ActivatedAt = clock.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, DemoAccounts.Password), $"demo account {demo.UserName}");
            Check(await users.AddToRolesAsync(user, demo.AllRoles), $"demo roles for {demo.UserName}");
        }

        logger.LogInformation("Demo data is in place ({Count} accounts)", DemoAccounts.Users.Count);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
