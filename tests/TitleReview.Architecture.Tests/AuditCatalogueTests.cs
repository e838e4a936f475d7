using System.Reflection;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Security.Audit;

namespace TitleReview.Architecture.Tests;

/// <summary>
/// Every use case that changes something writes an audit row under a Chinese name (ADR 0053): a new
/// command without a name in <see cref="AuditCatalogue"/> fails here, instead of going unnamed in
/// the trail.
/// </summary>
public class AuditCatalogueTests
{
    private static readonly Assembly Application = typeof(TitleReview.Application.DependencyInjection).Assembly;

    private static IEnumerable<Type> RequestTypes() => Application.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false })
        .SelectMany(t => t.GetInterfaces())
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IHandler<,>))
        .Select(i => i.GetGenericArguments()[0])
        .Where(t => !t.IsGenericParameter)
        .Distinct();

    [Test]
    public void EveryCommand_HasAChineseActionName()
    {
        var unnamed = RequestTypes()
            .Where(t => AuditCatalogue.KindOf(t) != AuditKind.Read && AuditCatalogue.DisplayName(t) is null)
            .Select(t => t.FullName)
            .ToList();

        unnamed.Should().BeEmpty("a command writes an audit row under its Chinese name; add it to AuditCatalogue (or name a query Get…/List…/Find…/Search…/Export…/Preview…/Count…)");
    }

    [Test]
    public void TheCatalogue_SeesCommandsAndOpenings()
    {
        var types = RequestTypes().ToList();

        types.Should().Contain(t => t.Name == "SubmitDossier" && AuditCatalogue.KindOf(t) == AuditKind.Command, "the rule above must look at the use cases, or it passes by looking at nothing");
        types.Should().Contain(t => t.Name == "OpenAttachment" && AuditCatalogue.KindOf(t) == AuditKind.Opening);
        types.Should().Contain(t => t.Name == "GetDossier" && AuditCatalogue.KindOf(t) == AuditKind.Opening);
        types.Should().Contain(t => t.Name == "ListApplications" && AuditCatalogue.KindOf(t) == AuditKind.Read);
    }

    [Test]
    public void TheCatalogue_NamesNoCommandThatDoesNotExist()
    {
        var names = RequestTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        AuditCatalogue.Named.Select(n => n.Key).Where(n => !names.Contains(n)).Should().BeEmpty("a renamed command leaves its old name behind");
    }
}
