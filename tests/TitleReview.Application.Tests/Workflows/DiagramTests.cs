using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Workflows;

namespace TitleReview.Application.Tests.Workflows;

public class DiagramTests : ApplicationTestBase
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
}
