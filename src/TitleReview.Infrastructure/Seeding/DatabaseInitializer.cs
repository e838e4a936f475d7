using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TitleReview.Domain.Applications.Preliminary;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Units;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Identity;
using TitleReview.Application.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Workflow;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// Prepares the database: puts a SQLite file in WAL mode, applies pending migrations, registers
/// the workflow definitions, makes sure the roles and the failure reasons exist, carries an older
/// installation's key files into the database, creates the first office account from
/// configuration if asked, and seeds demo data in Development only. The web host does it at
/// start-up unless <c>Database:MigrateAtStartup</c> is false; then the <c>migrate</c> command line
/// does it once for the cluster and each instance only checks the schema is current (ADR 0058).
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
    StoragePaths paths,
    KeyRingMaintenance keyRing,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>What the web host runs at start-up.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!options.MigrateAtStartup)
        {
            await RequireCurrentSchemaAsync(cancellationToken);
            keyRing.EnsureAhead();
            return;
        }

        await PrepareAsync(cancellationToken);
    }

    /// <summary>
    /// The whole preparation, serialised across processes on SQL Server by an application lock,
    /// so two instances started together, or the <c>migrate</c> step and a forgotten instance with
    /// <c>MigrateAtStartup</c> on, never run migrations or create roles at the same time.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        await SqlitePragmas.UseWriteAheadLogAsync(db, cancellationToken);
        await using var serialised = await InitializationLock.AcquireAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await EnsureDefinitionVersionsAsync(cancellationToken);
        await EnsureRolesAsync();
        await EnsureFailureReasonsAsync(cancellationToken);
        await ImportLegacyKeysAsync(cancellationToken);
        keyRing.EnsureAhead();
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
    /// An instance that does not migrate refuses to start on a schema or a set of workflow
    /// definitions the <c>migrate</c> step has not brought up to this version: it would otherwise
    /// fail later, on the first request that needs what is missing.
    /// </summary>
    private async Task RequireCurrentSchemaAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database schema is behind this version ({pending.Count} pending migrations, the first {pending[0]}) and Database:MigrateAtStartup is false: run the migrate command line first (deploy/README.md, Upgrades).");
        }

        var registered = await db.WorkflowDefinitionVersions.Select(r => new { r.DefinitionId, r.Version }).ToListAsync(cancellationToken);
        var missing = definitions.All.FirstOrDefault(d => !registered.Any(r => r.DefinitionId == d.DefinitionId && r.Version == d.Version));
        if (missing is not null)
        {
            throw new InvalidOperationException(
                $"The workflow definition {missing.Key} is not registered in this database and Database:MigrateAtStartup is false: run the migrate command line first (deploy/README.md, Upgrades).");
        }
    }

    /// <summary>
    /// Before ADR 0058 the key ring was kept as XML files in <c>{DataFolder}/keys</c>. An
    /// installation upgraded in place brings them into the empty table once, so its users stay
    /// signed in and their pending activation links keep working.
    /// </summary>
    private async Task ImportLegacyKeysAsync(CancellationToken cancellationToken)
    {
        var folder = paths.LegacyKeysFolder;
        if (!Directory.Exists(folder) || await db.DataProtectionKeys.AnyAsync(cancellationToken))
        {
            return;
        }

        var files = Directory.GetFiles(folder, "*.xml");
        foreach (var file in files)
        {
            db.DataProtectionKeys.Add(new Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file),
                Xml = await File.ReadAllTextAsync(file, cancellationToken),
            });
        }

        if (files.Length > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Moved {Count} Data Protection keys from {Folder} into the database", files.Length, folder);
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
