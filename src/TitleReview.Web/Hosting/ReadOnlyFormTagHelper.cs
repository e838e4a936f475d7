using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TitleReview.Web.Hosting;

/// <summary>
/// For a discipline inspector (纪检监察, ADR 52) a page shows no action: every form that posts is left
/// out of the page, except the few marked <c>data-inspector-keeps</c> (signing out). Forms that only
/// search or filter (GET) stay. The server refuses the inspector's posts anyway (<see cref="Inspection"/>).
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class ReadOnlyFormTagHelper : TagHelper
{
    public const string KeepAttribute = "data-inspector-keeps";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>After the framework's form tag helper, so its output is what is dropped.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var posts = string.Equals(context.AllAttributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase);
        if (context.AllAttributes.ContainsName(KeepAttribute))
        {
            output.Attributes.RemoveAll(KeepAttribute);
            return;
        }

        if (posts && Inspection.IsInspector(ViewContext.HttpContext.User) && !ViewContext.HttpContext.Request.Path.StartsWithSegments("/Account"))
        {
            output.SuppressOutput();
        }
    }
}
