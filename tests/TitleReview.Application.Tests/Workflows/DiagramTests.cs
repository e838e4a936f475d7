using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Workflows;

namespace TitleReview.Application.Tests.Workflows;

public partial class DiagramTests : ApplicationTestBase
{
    [Test]
    public void Mermaid_DrawsTheDefinitionInChinese_WithTheCurrentStateHighlighted()
    {
        var diagram = Services.GetRequiredService<IWorkflowDiagrams>().Mermaid("application", 1, "Returned");

        diagram.Should().StartWith("stateDiagram-v2");
        diagram.Should().Contain("Submitted --> Returned : 退回修改 [单位审核人，申报人填报与单位审核开放期间]");
        diagram.Should().Contain("Draft --> NotSubmitted : 申报期截止 [系统时钟]");
        diagram.Should().Contain("Returned : 退回修改");
        diagram.Should().Contain("class Returned current");
    }

    [Test]
    public void Mermaid_NamesGuardsInChinese()
    {
        var diagram = Services.GetRequiredService<IWorkflowDiagrams>().Mermaid("application", 4);

        diagram.Should().Contain("[申报人，申报人填报与单位审核开放期间，材料齐全]");
        diagram.Should().Contain("单位公示无异议");
        diagram.Should().NotContain("PublicityScheduled").And.NotContain("DossierComplete").And.NotContain("WindowOpen");
    }

    [Test]
    public void Mermaid_OfEveryDefinition_HasNoAsciiOnlyLabel()
    {
        var definitions = Services.GetRequiredService<IWorkflowDefinitions>();
        var diagrams = Services.GetRequiredService<IWorkflowDiagrams>();

        var asciiOnly = definitions.All
            .SelectMany(d => TransitionLabel().Matches(diagrams.Mermaid(d.DefinitionId, d.Version))
                .SelectMany(m => m.Groups["who"].Value.Split('，').Prepend(m.Groups["name"].Value))
                .Where(label => label.All(char.IsAscii))
                .Select(label => $"{d.Key}: {label}"))
            .ToList();

        asciiOnly.Should().BeEmpty("every word a user reads is Chinese: transitions, roles and guards");
    }

    [GeneratedRegex(@"--> \w+ : (?<name>[^\[\r\n]+) \[(?<who>[^\]\r\n]*)\]")]
    private static partial Regex TransitionLabel();
}
