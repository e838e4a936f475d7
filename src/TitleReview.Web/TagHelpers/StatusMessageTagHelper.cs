using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TitleReview.Web.TagHelpers;

/// <summary>
/// <c>&lt;status-message text="@Model.Message" /&gt;</c>: the outcome of the last action, announced
/// to screen readers, or nothing when there is none.
/// </summary>
[HtmlTargetElement("status-message", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatusMessageTagHelper : TagHelper
{
    public string? Text { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (string.IsNullOrEmpty(Text))
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "result");
        output.Attributes.SetAttribute("role", "status");
        output.Content.SetContent(Text);
    }
}
