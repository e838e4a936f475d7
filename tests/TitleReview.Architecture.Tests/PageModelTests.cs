using System.Reflection;
using NetArchTest.Rules;

namespace TitleReview.Architecture.Tests;

/// <summary>
/// Pages and API endpoints ask the Application for what they show (one query per page) and
/// send it commands; they never read the database themselves (ADR 0020).
/// </summary>
public class PageModelTests
{
    private static readonly Assembly Web = typeof(TitleReview.Web.Pages.Office.IndexModel).Assembly;

    private const string PagesNs = "TitleReview.Web.Pages";
    private const string ApiNs = "TitleReview.Web.Api";

    [TestCase("TitleReview.Infrastructure.Persistence")]
    [TestCase("Microsoft.EntityFrameworkCore")]
    [TestCase("TitleReview.Application.Common.Interfaces.IApplicationDbContext")]
    public void PageModelsAndEndpoints_WhenBuilt_DependOnNoDbContext(string forbidden)
    {
        var result = Types.InAssembly(Web)
            .That().ResideInNamespace(PagesNs)
            .Or().ResideInNamespace(ApiNs)
            .ShouldNot().HaveDependencyOn(forbidden)
            .GetResult();

        result.IsSuccessful.Should().BeTrue(
            $"a page or endpoint asks an Application query or command, never {forbidden}; offending types: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Test]
    public void PageModelsAndEndpoints_WhenSelected_AreTheWebsPagesAndApi()
    {
        var selected = Types.InAssembly(Web)
            .That().ResideInNamespace(PagesNs)
            .Or().ResideInNamespace(ApiNs)
            .GetTypes()
            .Select(t => t.FullName)
            .ToList();

        selected.Should().Contain(
            ["TitleReview.Web.Pages.Office.Workflows.IndexModel", "TitleReview.Web.Pages.Auditor.IndexModel", "TitleReview.Web.Api.ApiEndpoints"],
            "the rule above must look at the page models and endpoints, or it passes by looking at nothing");
    }
}
