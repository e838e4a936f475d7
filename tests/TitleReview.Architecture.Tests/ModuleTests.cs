using System.Reflection;
using NetArchTest.Rules;

namespace TitleReview.Architecture.Tests;

/// <summary>
/// Modules are namespaces inside each layer (ADR 1); they call each other only through a small
/// published surface (ADR 22). The shared kernel any module may use: Domain.Common, Domain.Time and
/// Domain.Calendars (identity and validation helpers, Beijing time, working days), and in the
/// Application layer Common (handlers, the unit of work, errors), Files, Notifications and Security
/// (the audit log), which serve every module and know none of them.
/// </summary>
public class ModuleTests
{
    private const string DomainNs = "TitleReview.Domain";
    private const string ApplicationNs = "TitleReview.Application";

    private static readonly Assembly Domain = typeof(TitleReview.Domain.Common.Entity).Assembly;
    private static readonly Assembly Application = typeof(TitleReview.Application.DependencyInjection).Assembly;

    /// <summary>Units' tables and their rows; other modules ask <c>IUnitDirectory</c> instead.</summary>
    private static readonly string[] UnitsTables =
    [
        typeof(TitleReview.Domain.Units.Unit).FullName!,
        typeof(TitleReview.Domain.Units.UnitRegistration).FullName!,
        typeof(TitleReview.Domain.Units.UnitRegistrationDetails).FullName!,
        typeof(TitleReview.Domain.Units.RegistrationAccessToken).FullName!,
    ];

    /// <summary>What the Units module publishes to the others.</summary>
    private static readonly Type[] UnitsSurface =
    [
        typeof(TitleReview.Application.Units.IUnitDirectory),
        typeof(TitleReview.Application.Units.UnitCard),
        typeof(TitleReview.Application.Units.RegisteredUnit),
    ];

    // Each domain module and the other domain modules it may use besides the shared kernel, with why.
    [TestCase("Units")]
    [TestCase("Files")]
    [TestCase("Identity")]
    [TestCase("Security")]
    [TestCase("Messaging")]
    [TestCase("Notifications")]
    [TestCase("Integrity")]
    [TestCase("Applications", "Units", TestName = "DomainApplications_UsesUnitsOnlyForTheUnitsNature")]
    [TestCase("Campaigns", "Applications", TestName = "DomainCampaigns_UsesApplicationsOnlyForLevelRules")]
    [TestCase("Fees", "Applications", TestName = "DomainFees_UsesApplicationsOnlyForTitleLevels")]
    [TestCase("Workflows", "Campaigns", "Applications", TestName = "DomainWorkflows_UsesCampaignsForTheStagesTimersAnchorOn_AndApplicationsForItsGuards")]
    public void DomainModule_DependsOnlyOnTheSharedKernelAndItsListedModules(string module, params string[] allowed)
    {
        string[] kernel = ["Common", "Time", "Calendars"];
        var forbidden = DomainModules().Except([module, .. kernel, .. allowed]).Select(m => $"{DomainNs}.{m}").ToArray();

        AssertNoDependency(Domain, $"{DomainNs}.{module}", forbidden);
    }

    [Test]
    public void DomainApplications_NeverTouchesUnitsRows()
    {
        AssertNoDependency(Domain, $"{DomainNs}.Applications", UnitsTables);
    }

    [Test]
    public void DomainCampaigns_NeverTouchesApplicationsRows()
    {
        AssertNoDependency(Domain, $"{DomainNs}.Campaigns", $"{DomainNs}.Applications.TitleApplication", $"{DomainNs}.Applications.Dossier", $"{DomainNs}.Applications.Documents");
    }

    [TestCase("Applicants")]
    [TestCase("Applications")]
    [TestCase("Fees")]
    public void ApplicationModule_ReachesUnitsOnlyThroughItsDirectory(string module)
    {
        var unitsInternals = Application.GetTypes()
            .Where(t => t.Namespace?.StartsWith($"{ApplicationNs}.Units", StringComparison.Ordinal) == true && !UnitsSurface.Contains(t) && !t.IsNested)
            .Select(t => t.FullName!);

        AssertNoDependency(Application, $"{ApplicationNs}.{module}", [.. UnitsTables, .. unitsInternals]);
    }

    /// <summary>What the Integrity module publishes: findings and bans, and the marks lists show (ADR 51).</summary>
    private static readonly Type[] IntegritySurface =
    [
        typeof(TitleReview.Application.Integrity.IIntegrityRecord),
        typeof(TitleReview.Application.Integrity.IntegrityFindingToRecord),
        typeof(TitleReview.Application.Integrity.ActiveBan),
        typeof(TitleReview.Application.Integrity.IIntegrityMarks),
        typeof(TitleReview.Application.Integrity.IntegrityMarkSet),
        typeof(TitleReview.Application.Integrity.IntegrityBadge),
    ];

    [TestCase("Applicants")]
    [TestCase("Applications")]
    public void ApplicationModule_ReachesIntegrityOnlyThroughItsSurface(string module)
    {
        var integrityInternals = Application.GetTypes()
            .Where(t => t.Namespace == $"{ApplicationNs}.Integrity" && !IntegritySurface.Contains(t) && !t.IsNested)
            .Select(t => t.FullName!);

        AssertNoDependency(
            Application,
            $"{ApplicationNs}.{module}",
            [.. integrityInternals, typeof(TitleReview.Domain.Integrity.IntegrityRecordEntry).FullName!, typeof(TitleReview.Domain.Integrity.NegativeListEntry).FullName!]);
    }

    [Test]
    public void ApplicationIntegrity_KnowsNothingOfApplicantsOrApplications()
    {
        AssertNoDependency(Application, $"{ApplicationNs}.Integrity", $"{ApplicationNs}.Applicants", $"{ApplicationNs}.Applications", $"{DomainNs}.Applications");
    }

    [Test]
    public void ApplicationUnits_KnowsNothingOfApplicantsOrApplications()
    {
        AssertNoDependency(Application, $"{ApplicationNs}.Units", $"{ApplicationNs}.Applicants", $"{ApplicationNs}.Applications", $"{DomainNs}.Applications");
    }

    [Test]
    public void ApplicationCampaigns_CountsApplicationsThroughTheirPublishedCounts()
    {
        var applicationsInternals = Application.GetTypes()
            .Where(t => t.Namespace?.StartsWith($"{ApplicationNs}.Applications", StringComparison.Ordinal) == true && t != typeof(TitleReview.Application.Applications.IApplicationCounts) && !t.IsNested)
            .Select(t => t.FullName!);

        AssertNoDependency(
            Application,
            $"{ApplicationNs}.Campaigns",
            [.. applicationsInternals, $"{ApplicationNs}.Applicants", $"{ApplicationNs}.Units", .. UnitsTables, $"{DomainNs}.Applications.TitleApplication", $"{DomainNs}.Applications.Dossier"]);
    }

    [Test]
    public void ApplicationWorkflows_TheEngineKnowsNoSubjectsModule()
    {
        AssertNoDependency(Application, $"{ApplicationNs}.Workflows", $"{ApplicationNs}.Applicants", $"{ApplicationNs}.Applications", $"{ApplicationNs}.Units", $"{ApplicationNs}.Campaigns", $"{ApplicationNs}.Fees");
    }

    /// <summary>Applications starts a unit's payment and flags unpaid units through <c>IUnitPayments</c> only.</summary>
    [Test]
    public void ApplicationApplications_ReachesFeesOnlyThroughItsSurface()
    {
        var feesInternals = Application.GetTypes()
            .Where(t => t.Namespace?.StartsWith($"{ApplicationNs}.Fees", StringComparison.Ordinal) == true
                && t != typeof(TitleReview.Application.Fees.IUnitPayments) && t != typeof(TitleReview.Application.Fees.UnitPaymentSummary) && !t.IsNested)
            .Select(t => t.FullName!);

        AssertNoDependency(Application, $"{ApplicationNs}.Applications", [.. feesInternals, $"{DomainNs}.Fees"]);
    }

    [Test]
    public void ApplicationFees_KnowsNothingOfApplicationsRows()
    {
        AssertNoDependency(Application, $"{ApplicationNs}.Fees", $"{ApplicationNs}.Applications", $"{ApplicationNs}.Applicants", $"{DomainNs}.Applications.TitleApplication", $"{DomainNs}.Applications.Dossier");
    }

    [TestCase("Common")]
    [TestCase("Files")]
    [TestCase("Notifications")]
    [TestCase("Security")]
    public void ApplicationSharedKernel_KnowsNoBusinessModule(string module)
    {
        AssertNoDependency(Application, $"{ApplicationNs}.{module}", $"{ApplicationNs}.Applicants", $"{ApplicationNs}.Applications", $"{ApplicationNs}.Units", $"{ApplicationNs}.Campaigns", $"{ApplicationNs}.Workflows", $"{ApplicationNs}.Fees");
    }

    private static IEnumerable<string> DomainModules() =>
        Domain.GetTypes()
            .Select(t => t.Namespace)
            .Where(ns => ns is not null && ns.StartsWith($"{DomainNs}.", StringComparison.Ordinal))
            .Select(ns => ns![(DomainNs.Length + 1)..].Split('.')[0])
            .Distinct();

    private static void AssertNoDependency(Assembly assembly, string module, params string[] forbidden) =>
        AssertNoDependency(assembly, module, forbidden, []);

    private static void AssertNoDependency(Assembly assembly, string module, string[] forbidden, string[] exempt)
    {
        var result = Types.InAssembly(assembly).That().ResideInNamespace(module).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        var failing = (result.FailingTypes ?? []).Where(t => !exempt.Contains(Outermost(t).FullName)).Select(t => t.FullName).ToList();

        failing.Should().BeEmpty($"{module} may not use {string.Join(", ", forbidden)}");
    }

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;
}
