using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace TitleReview.Architecture.Tests;

/// <summary>
/// A layer opens its internals to its tests only, never to a layer above it: what a higher layer
/// needs is published on purpose (ADR 22).
/// </summary>
public class InternalsVisibleToTests
{
    private static readonly Assembly[] Layers =
    [
        typeof(TitleReview.Domain.Common.Entity).Assembly,
        typeof(TitleReview.Application.DependencyInjection).Assembly,
        typeof(TitleReview.Infrastructure.DependencyInjection).Assembly,
        typeof(Program).Assembly,
    ];

    [Test]
    public void Assemblies_OpenTheirInternalsOnlyToTestAssemblies()
    {
        var friends = Layers.SelectMany(a => a.GetCustomAttributes<InternalsVisibleToAttribute>().Select(f => $"{a.GetName().Name} → {f.AssemblyName}"));

        friends.Should().OnlyContain(f => IsTestAssembly(f.Split(" → ")[1]));
    }

    [Test]
    public void ProjectFiles_OpenTheirInternalsOnlyToTestAssemblies()
    {
        var projects = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src"), "*.csproj", SearchOption.AllDirectories);
        var friends = projects.SelectMany(p => XDocument.Load(p).Descendants("InternalsVisibleTo")
            .Select(e => $"{Path.GetFileName(p)} → {(string?)e.Attribute("Include")}"));

        projects.Should().NotBeEmpty();
        friends.Should().OnlyContain(f => IsTestAssembly(f.Split(" → ")[1]));
    }

    private static bool IsTestAssembly(string name) =>
        name.StartsWith("TitleReview.", StringComparison.Ordinal) && name.EndsWith(".Tests", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TitleReview.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("TitleReview.sln not found above the test assembly.");
    }
}
