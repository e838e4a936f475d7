using System.Reflection;
using NetArchTest.Rules;

namespace TitleReview.Architecture.Tests;

/// <summary>The layers point inward: Web → Infrastructure → Application → Domain.</summary>
public class LayerTests
{
    private const string DomainNs = "TitleReview.Domain";
    private const string ApplicationNs = "TitleReview.Application";
    private const string InfrastructureNs = "TitleReview.Infrastructure";
    private const string WebNs = "TitleReview.Web";

    private static readonly Assembly Domain = typeof(TitleReview.Domain.Common.Entity).Assembly;
    private static readonly Assembly Application = typeof(TitleReview.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(TitleReview.Infrastructure.DependencyInjection).Assembly;

    [TestCase(ApplicationNs)]
    [TestCase(InfrastructureNs)]
    [TestCase(WebNs)]
    [TestCase("Microsoft.EntityFrameworkCore")]
    [TestCase("Microsoft.AspNetCore")]
    [TestCase("Microsoft.Extensions")]
    [TestCase("Hangfire")]
    [TestCase("AutoMapper")]
    [TestCase("Stateless")]
    public void Domain_DependsOnNoOtherLayerAndNoFramework(string forbidden)
    {
        AssertNoDependency(Domain, forbidden);
    }

    [Test]
    public void Domain_ReferencesOnlyTheBaseLibrary()
    {
        Domain.GetReferencedAssemblies().Select(a => a.Name!)
            .Should().OnlyContain(
                name => name == "System" || name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard",
                "the Domain uses the base class library and nothing else (no Microsoft.*, no packages)");
    }

    [TestCase(InfrastructureNs)]
    [TestCase(WebNs)]
    [TestCase("Microsoft.AspNetCore")]
    [TestCase("Hangfire")]
    [TestCase("Stateless")]
    [TestCase("Microsoft.EntityFrameworkCore.Sqlite")]
    [TestCase("Microsoft.EntityFrameworkCore.SqlServer")]
    public void Application_DependsOnlyOnDomain(string forbidden)
    {
        AssertNoDependency(Application, forbidden);
    }

    [Test]
    public void Application_ReferencesNoOtherProjectThanDomain()
    {
        Application.GetReferencedAssemblies().Select(a => a.Name)
            .Where(name => name!.StartsWith("TitleReview.", StringComparison.Ordinal))
            .Should().Equal(DomainNs);
    }

    [Test]
    public void Infrastructure_NeverDependsOnWeb()
    {
        AssertNoDependency(Infrastructure, WebNs);
    }

    [Test]
    public void ApplicationHandlers_AreNotPublic()
    {
        var result = Types.InAssembly(Application)
            .That().HaveNameEndingWith("Handler")
            .Should().NotBePublic()
            .GetResult();

        result.IsSuccessful.Should().BeTrue($"handlers are reached through IHandler<,>; public: {Failing(result)}");
    }

    [Test]
    public void EntityConfigurations_AreNotPublic()
    {
        var result = Types.InAssembly(Infrastructure)
            .That().HaveNameEndingWith("Configuration")
            .And().ResideInNamespace($"{InfrastructureNs}.Persistence.Configurations")
            .Should().NotBePublic()
            .GetResult();

        result.IsSuccessful.Should().BeTrue(Failing(result));
    }

    private static void AssertNoDependency(Assembly assembly, string forbidden)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        result.IsSuccessful.Should().BeTrue($"{assembly.GetName().Name} must not depend on {forbidden}; offending types: {Failing(result)}");
    }

    private static string Failing(TestResult result) =>
        string.Join(", ", result.FailingTypeNames ?? []);
}
