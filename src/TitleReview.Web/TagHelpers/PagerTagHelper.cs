using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.WebUtilities;

namespace TitleReview.Web.TagHelpers;

/// <summary>
/// <c>&lt;pager page="…" page-count="…" total-count="…" /&gt;</c>: the count, the page and links to
/// the pages either side. A link is this request with only <c>pageNumber</c> changed, so the
/// page's filters travel with it without each page listing them.
/// </summary>
[HtmlTargetElement("pager", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PagerTagHelper : TagHelper
{
    public const string PageParameter = "pageNumber";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public int Page { get; set; }

    public int PageCount { get; set; }

    public int TotalCount { get; set; }

    /// <summary>The measure word after the count: 个 for instances and accounts, 条 for records.</summary>
    public string Unit { get; set; } = "个";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "pager");
        output.Attributes.SetAttribute("aria-label", "分页");
        output.Content.AppendHtml("<span>");
        output.Content.Append($"共 {TotalCount} {Unit}，第 {Page} / {PageCount} 页");
        output.Content.AppendHtml("</span>");
        if (Page > 1)
        {
            output.Content.AppendHtml(Link(Page - 1, "上一页"));
        }

        if (Page < PageCount)
        {
            output.Content.AppendHtml(Link(Page + 1, "下一页"));
        }
    }

    private TagBuilder Link(int page, string text)
    {
        var request = ViewContext.HttpContext.Request;
        var query = new QueryBuilder(QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, PageParameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(value => KeyValuePair.Create(p.Key, value ?? string.Empty))))
        {
            { PageParameter, page.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        var link = new TagBuilder("a");
        link.Attributes["href"] = $"{request.PathBase}{request.Path}{query.ToQueryString()}";
        link.InnerHtml.Append(text);
        return link;
    }
}
