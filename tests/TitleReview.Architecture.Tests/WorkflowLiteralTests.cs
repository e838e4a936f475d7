using System.Text.Json;
using System.Text.RegularExpressions;

namespace TitleReview.Architecture.Tests;

/// <summary>
/// C# and Razor read what a state means (its capabilities) and which use case owns a transition
/// (its operation); they never name a definition's state or trigger. This test scans the sources
/// for a string literal equal to any state or trigger name in <c>workflows/definitions</c>.
/// </summary>
public partial class WorkflowLiteralTests
{
    /// <summary>Literals that happen to equal a trigger name but mean something else, with why.</summary>
    private static readonly IReadOnlyDictionary<(string File, string Literal), string> Allowed = new Dictionary<(string, string), string>
    {
        [("src/TitleReview.Infrastructure/Identity/AccountActivator.cs", "confirm")] = "the activation form's password-confirmation field",
        [("src/TitleReview.Infrastructure/Persistence/Configurations/CertificateConfigurations.cs", "Certificates")] = "the certificates' table name, not the campaign workflow's certificates stage",
    };

    private static readonly string Root = FindRoot();

    [Test]
    public void NoSourceFile_NamesAStateOrTrigger()
    {
        var names = DefinitionNames();
        names.Should().Contain(["Draft", "SubmittedToOffice", "approve", "closeFiling"], "the scan must know the definitions' names");

        var findings = SourceFiles()
            .SelectMany(file => Scan(File.ReadAllText(file), file.EndsWith(".cshtml", StringComparison.Ordinal), names)
                .Select(hit => (File: Relative(file), hit.Line, hit.Literal)))
            .Where(f => !Allowed.ContainsKey((f.File, f.Literal)))
            .Select(f => $"{f.File}:{f.Line} \"{f.Literal}\"")
            .ToList();

        findings.Should().BeEmpty("C# asks a state's capabilities (StateCapabilities) and fires a use case's operation (WorkflowOperations), never a state or trigger by name");
    }

    [Test]
    public void Scan_FindsNamesInCodeAndRazor_ButNotInCommentsOrHtmlAttributes()
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "Submitted", "submit" };

        Scan("if (instance.State == \"Submitted\") { }", razor: false, names).Should().ContainSingle().Which.Literal.Should().Be("Submitted");
        Scan("var t = new FireRequest(id, \"submit\", actor);", razor: false, names).Should().ContainSingle();
        Scan("// the state \"Submitted\" waits for the auditor", razor: false, names).Should().BeEmpty();
        Scan("@if (d.State is \"Submitted\") { }", razor: true, names).Should().ContainSingle();
        Scan("<button type=\"submit\" class=\"button\">提交</button>", razor: true, names).Should().BeEmpty();
        Scan("var text = \"Submitted to the office\";", razor: false, names).Should().BeEmpty();
    }

    internal static IEnumerable<(int Line, string Literal)> Scan(string source, bool razor, IReadOnlySet<string> names)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith('*') || trimmed.StartsWith("@*", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match match in (razor ? RazorLiteral() : CodeLiteral()).Matches(line))
            {
                var literal = match.Groups["value"].Value;
                if (names.Contains(literal))
                {
                    yield return (i + 1, literal);
                }
            }
        }
    }

    private static HashSet<string> DefinitionNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "workflows", "definitions"), "*.json").Where(f => !f.EndsWith(".lock.json", StringComparison.Ordinal)))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var state in document.RootElement.GetProperty("states").EnumerateArray())
            {
                names.Add(state.GetProperty("name").GetString()!);
            }

            foreach (var transition in document.RootElement.GetProperty("transitions").EnumerateArray())
            {
                names.Add(transition.GetProperty("trigger").GetString()!);
            }
        }

        return names;
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !Relative(f).Split('/').Any(part => part is "bin" or "obj") && !Relative(f).Contains("/TitleReview.Migrations.", StringComparison.Ordinal));

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TitleReview.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TitleReview.sln not found above the test directory.");
    }

    /// <summary>A whole C# string literal (not interpolated, not verbatim).</summary>
    [GeneratedRegex("""(?<![\w$@"])"(?<value>[A-Za-z]+)"(?!")""")]
    private static partial Regex CodeLiteral();

    /// <summary>The same in Razor, but not an HTML attribute's value (<c>type="submit"</c>).</summary>
    [GeneratedRegex("""(?<![\w$@"=])"(?<value>[A-Za-z]+)"(?!")""")]
    private static partial Regex RazorLiteral();
}
