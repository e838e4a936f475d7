using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TitleReview.Web.Tests.Pages;

/// <summary>
/// Read as text, the pages link with <c>asp-page</c> (or a named route) and bind their forms
/// with <c>asp-for</c>, so a renamed page, route or property breaks the build or a test rather
/// than a link or a posted field.
/// </summary>
public partial class PageMarkupTests
{
    /// <summary>Fields written by hand on purpose, each with its reason.</summary>
    private static readonly Dictionary<(string Page, string Field), string> HandWrittenFields = new()
    {
        [("Office/Campaigns/Timeline.cshtml", "OpensAt")] = "one form per stage row: asp-for would give every row the same id, and the value shown is the row's",
        [("Office/Campaigns/Timeline.cshtml", "ClosesAt")] = "one form per stage row: asp-for would give every row the same id, and the value shown is the row's",
        [("Office/Workflows/Bulk.cshtml", "Trigger")] = "one radio button per trigger, which asp-for does not write",
        [("Expert/Dossier.cshtml", "Recommendation")] = "one radio button per recommendation, which asp-for does not write",
        [("Office/Accounts/Create.cshtml", "Input.Roles")] = "a list of checkboxes, one per role, which asp-for does not write",
        [("Office/Accounts/Detail.cshtml", "SelectedRoles")] = "a list of checkboxes, one per role, which asp-for does not write",
        [("Office/Accounts/Detail.cshtml", "Reason")] = "the roles form posts a second reason; asp-for would repeat the first one's id",
        [("Office/Preliminary/Review.cshtml", "ReasonIds")] = "a list of checkboxes, one per failure reason, which asp-for does not write",
        [("Office/Integrity/Case.cshtml", "Outcome")] = "one radio button per decision, which asp-for does not write",
        [("Office/Integrity/Case.cshtml", "Ban")] = "one radio button per ban choice, which asp-for does not write",
        [("Office/Integrity/Record.cshtml", "Ban")] = "two radio buttons (ban until a date, or none), which asp-for does not write",
        [("Office/Integrity/NegativeList.cshtml", "Until")] = "one publish form per listing row: asp-for would give every row the same id, and the value shown is the row's",
        [("Office/Integrity/NegativeList.cshtml", "Note")] = "one early-end form per listing row: asp-for would give every row the same id",
        [("Office/Preliminary/Reasons.cshtml", "Text")] = "one rename form per reason row beside the add form: asp-for would give every row the same id, and the value shown is the row's",
    };

    private static readonly string PagesFolder = Path.Combine(FindRoot(), "src", "TitleReview.Web", "Pages");

    private static IEnumerable<string> PageFiles() =>
        Directory.EnumerateFiles(PagesFolder, "*.cshtml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    [Test]
    public void Pages_WhenReadAsText_HaveNoHardCodedSitePaths()
    {
        var found = PageFiles()
            .SelectMany(file => SitePath().Matches(File.ReadAllText(file)).Select(m => $"{Relative(file)}: {m.Value}"))
            .ToList();

        found.Should().BeEmpty("links and form actions come from asp-page, asp-route-* or a named route in SiteUrls");
    }

    [Test]
    public void Forms_WhenTheyPostABoundProperty_WriteItWithAspFor()
    {
        var pageModels = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)))
            .ToDictionary(t => t.FullName!);
        var found = new List<string>();
        foreach (var file in PageFiles())
        {
            var markup = File.ReadAllText(file);
            if (ModelDirective().Match(markup) is not { Success: true } model || !pageModels.TryGetValue(model.Groups[1].Value, out var type))
            {
                continue;
            }

            var page = Relative(file);
            found.AddRange(BoundFieldNames(type)
                .Where(field => !HandWrittenFields.ContainsKey((page, field)))
                .Where(field => HandWrittenInputs(markup).Contains(field, StringComparer.OrdinalIgnoreCase))
                .Select(field => $"{page}: name=\"{field}\""));
        }

        found.Should().BeEmpty("a field bound to the page model is written with asp-for, or listed with its reason");
    }

    /// <summary>
    /// The names of the inputs, selects and text areas written without asp-for. Hidden inputs are
    /// left out: they carry a value the page already shows (a filter, a token) into another form.
    /// </summary>
    private static IEnumerable<string> HandWrittenInputs(string markup) =>
        FormControl().Matches(markup)
            .Select(control => control.Value)
            .Where(tag => !tag.Contains("asp-for", StringComparison.Ordinal) && !tag.Contains("type=\"hidden\"", StringComparison.Ordinal))
            .Select(tag => NameAttribute().Match(tag))
            .Where(name => name.Success)
            .Select(name => name.Groups[1].Value);

    /// <summary>The names model binding reads for the page's [BindProperty] properties and, for an input model, its properties.</summary>
    private static IEnumerable<string> BoundFieldNames(Type pageModel)
    {
        foreach (var property in pageModel.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<BindPropertyAttribute>() is not { } bind)
            {
                continue;
            }

            var name = bind.Name ?? property.Name;
            yield return name;
            if (property.PropertyType.IsClass && property.PropertyType != typeof(string) && property.PropertyType.DeclaringType == pageModel)
            {
                foreach (var inner in property.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    yield return $"{name}.{inner.Name}";
                }
            }
        }
    }

    private static string Relative(string file) => Path.GetRelativePath(PagesFolder, file).Replace('\\', '/');

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TitleReview.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("TitleReview.sln not found above the test output.");
    }

    [GeneratedRegex("(?:href|action|formaction)=\"/[^\"]*\"")]
    private static partial Regex SitePath();

    [GeneratedRegex(@"<(?:input|select|textarea)\b[^>]*>")]
    private static partial Regex FormControl();

    [GeneratedRegex("\\bname=\"([^\"]+)\"")]
    private static partial Regex NameAttribute();

    [GeneratedRegex(@"^@model\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex ModelDirective();
}
