using System.Net;
using System.Reflection;
using System.Security.Claims;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.FileProviders;
using TitleReview.Domain.Identity;

namespace TitleReview.Web.Manual;

/// <summary>A guide's second- or third-level heading: the anchor a help link lands on.</summary>
public sealed record ManualSection(string Anchor, string Title, int Level);

/// <summary>One role's guide, rendered: for its own page and for the printable whole.</summary>
public sealed record ManualGuide(
    string Key,
    string Title,
    string Summary,
    string Html,
    string PrintHtml,
    IReadOnlyList<ManualSection> Sections,
    IReadOnlyList<string> ScreenIds,
    IReadOnlyDictionary<string, string> SectionOfScreen);

/// <summary>
/// The operating manual (操作手册): six guides written in Markdown (<c>Manual/*.md</c>, embedded in
/// this assembly), rendered once with Markdig; screenshots are referenced as <c>screen:id</c> and
/// listed in <c>Manual/screens.json</c>, whose pictures the browser tests take from the demo data
/// (ADR 0057). Headings carry explicit anchors (<c>## 标题 {#anchor}</c>), prefixed with the guide's
/// key so that the printable whole keeps them unique; <c>help:guide#anchor</c> links another guide.
/// </summary>
public sealed class OperatingManual
{
    public const string ScreenScheme = "screen:";

    public const string HelpScheme = "help:";

    /// <summary>The guides in the order the index and the printed manual show them.</summary>
    public static readonly IReadOnlyList<string> GuideKeys = ["unit", "auditor", "applicant", "office", "expert", "inspector"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGenericAttributes()
        .DisableHtml()
        .Build();

    private readonly Dictionary<string, ManualGuide> _guides;
    private readonly Dictionary<string, ManualScreen> _screens;

    public OperatingManual(IReadOnlyDictionary<string, string> guideSources, ManualScreens screens, Func<string, string>? imageVersion = null)
    {
        Manifest = screens;
        _screens = screens.Screens.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _guides = GuideKeys
            .Where(guideSources.ContainsKey)
            .ToDictionary(key => key, key => Render(key, guideSources[key], imageVersion ?? (_ => string.Empty)), StringComparer.Ordinal);
        Guides = GuideKeys.Where(_guides.ContainsKey).Select(k => _guides[k]).ToList();
    }

    public ManualScreens Manifest { get; }

    public IReadOnlyList<ManualGuide> Guides { get; }

    public ManualGuide? Guide(string key) => _guides.GetValueOrDefault(key);

    public ManualScreen? Screen(string id) => _screens.GetValueOrDefault(id);

    /// <summary>The manual as this assembly carries it; the pictures' versions come from the web root.</summary>
    public static OperatingManual Load(IFileProvider? webRoot = null)
    {
        var assembly = typeof(OperatingManual).Assembly;
        var sources = GuideKeys.ToDictionary(key => key, key => ReadResource(assembly, $"Manual/{key}.md"), StringComparer.Ordinal);
        using var manifest = assembly.GetManifestResourceStream("Manual/screens.json")
            ?? throw new InvalidOperationException("The manual's manifest Manual/screens.json is not embedded.");
        return new OperatingManual(sources, ManualScreens.Parse(manifest), webRoot is null ? null : path => Version(webRoot, path));
    }

    /// <summary>
    /// Where a person's 帮助 link leads from a page: the section of their own guide that shows this
    /// page, else their guide; signed out, the section showing this public page, else the index.
    /// </summary>
    public string HelpLink(ClaimsPrincipal user, string? page)
    {
        var guides = GuidesOf(user);
        List<ManualScreen> shown = page is null ? [] : Manifest.Screens.Where(s => string.Equals(s.Page, page, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var guide in guides)
        {
            var screen = shown.FirstOrDefault(s => s.Guide == guide && (s.Account is null) == (user.Identity?.IsAuthenticated != true));
            screen ??= shown.FirstOrDefault(s => s.Guide == guide);
            if (screen is not null && _guides.TryGetValue(guide, out var found) && found.SectionOfScreen.TryGetValue(screen.Id, out var anchor))
            {
                return $"/Help/{guide}#{anchor}";
            }
        }

        if (guides.Count > 0)
        {
            return $"/Help/{guides[0]}";
        }

        var anonymous = shown.FirstOrDefault(s => s.Account is null);
        return anonymous is not null && _guides.TryGetValue(anonymous.Guide, out var publicGuide) && publicGuide.SectionOfScreen.TryGetValue(anonymous.Id, out var section)
            ? $"/Help/{anonymous.Guide}#{section}"
            : "/Help";
    }

    /// <summary>The guides that speak to a signed-in person, their own first; none when signed out.</summary>
    public static IReadOnlyList<string> GuidesOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        if (user.IsInRole(Roles.Inspector))
        {
            return ["inspector", "office"];
        }

        if (user.IsInRole(Roles.Office))
        {
            return ["office"];
        }

        if (user.IsInRole(Roles.Auditor))
        {
            return ["auditor", "unit"];
        }

        if (user.IsInRole(Roles.Applicant))
        {
            return ["applicant"];
        }

        return user.IsInRole(Roles.Expert) ? ["expert"] : [];
    }

    private ManualGuide Render(string key, string markdown, Func<string, string> imageVersion)
    {
        var page = Markdown.Parse(markdown, Pipeline);
        var outline = Prepare(page, key, imageVersion, print: false);
        var printed = Markdown.Parse(markdown, Pipeline);
        Prepare(printed, key, imageVersion, print: true);
        return new ManualGuide(key, outline.Title, outline.Summary, ToHtml(page), ToHtml(printed), outline.Sections, outline.ScreenIds, outline.SectionOfScreen);
    }

    private sealed record Outline(string Title, string Summary, List<ManualSection> Sections, List<string> ScreenIds, Dictionary<string, string> SectionOfScreen);

    /// <summary>
    /// Gives each heading its guide-prefixed anchor, turns each screenshot into its figure and each
    /// <c>help:</c> link into an address (within the one document when printed), and notes the outline.
    /// </summary>
    private Outline Prepare(MarkdownDocument document, string key, Func<string, string> imageVersion, bool print)
    {
        var outline = new Outline(key, string.Empty, [], [], new Dictionary<string, string>(StringComparer.Ordinal));
        var current = key;
        var index = 0;
        foreach (var node in document.Descendants().ToList())
        {
            switch (node)
            {
                case HeadingBlock heading:
                    var attributes = heading.GetAttributes();
                    var text = PlainText(heading.Inline);
                    if (heading.Level == 1)
                    {
                        outline = outline with { Title = text };
                        attributes.Id = key;
                        break;
                    }

                    attributes.Id = $"{key}-{attributes.Id ?? (++index).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
                    if (heading.Level <= 3)
                    {
                        current = attributes.Id;
                        outline.Sections.Add(new ManualSection(attributes.Id, text, heading.Level));
                    }

                    break;
                case ParagraphBlock paragraph when outline.Summary.Length == 0 && outline.Sections.Count == 0 && paragraph.Parent is MarkdownDocument:
                    outline = outline with { Summary = PlainText(paragraph.Inline) };
                    break;
                case LinkInline { IsImage: true } image when image.Url?.StartsWith(ScreenScheme, StringComparison.Ordinal) == true:
                    var id = image.Url[ScreenScheme.Length..];
                    outline.ScreenIds.Add(id);
                    outline.SectionOfScreen.TryAdd(id, current);
                    image.ReplaceBy(new HtmlInline(Figure(id, PlainText(image), imageVersion)), copyChildren: false);
                    break;
                case LinkInline link when link.Url?.StartsWith(HelpScheme, StringComparison.Ordinal) == true:
                    var target = link.Url[HelpScheme.Length..];
                    var hash = target.IndexOf('#', StringComparison.Ordinal);
                    var guide = hash < 0 ? target : target[..hash];
                    var anchor = hash < 0 ? guide : $"{guide}-{target[(hash + 1)..]}";
                    link.Url = print ? $"#{anchor}" : hash < 0 ? $"/Help/{guide}" : $"/Help/{guide}#{anchor}";
                    break;
            }
        }

        return outline;
    }

    private static string ToHtml(MarkdownDocument document)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private string Figure(string id, string alt, Func<string, string> imageVersion)
    {
        if (!_screens.TryGetValue(id, out var screen))
        {
            return $"<span class=\"manual-screen missing\">截图 {WebUtility.HtmlEncode(id)} 不在清单中</span>";
        }

        var version = imageVersion(screen.ImagePath);
        var src = version.Length == 0 ? screen.ImagePath : $"{screen.ImagePath}?v={version}";
        return $"<span class=\"manual-screen\" id=\"screen-{WebUtility.HtmlEncode(id)}\"><img src=\"{WebUtility.HtmlEncode(src)}\" alt=\"{WebUtility.HtmlEncode(alt.Length > 0 ? alt : screen.Caption)}\" />"
            + $"<span class=\"manual-caption\">图：{WebUtility.HtmlEncode(screen.Caption)}</span></span>";
    }

    private static string PlainText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var node in inline.Descendants<Inline>())
        {
            switch (node)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
            }
        }

        return text.ToString().Trim();
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The manual's guide {name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Version(IFileProvider webRoot, string path)
    {
        var file = webRoot.GetFileInfo(path);
        return file.Exists ? file.LastModified.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
    }
}
