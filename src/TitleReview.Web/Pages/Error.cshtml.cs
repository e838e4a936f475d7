using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TitleReview.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";

    public string Message { get; private set; } = string.Empty;

    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        (Title, Message) = status switch
        {
            400 => ("请求有误", "提交的内容格式不正确，请返回检查后重试。"),
            401 => ("请先登录", "该页面需要登录后才能查看。"),
            403 => ("无权访问", "您的账号没有访问该页面的权限。"),
            404 => ("页面不存在", "您访问的页面或记录不存在，或您无权查看。"),
            405 => ("不支持该操作", "该页面不接受这种请求方式，请返回后重试。"),
            413 => ("内容过大", "提交的内容超过了允许的大小。"),
            414 => ("地址过长", "您访问的地址或查询条件过长，请缩短后重试。"),
            415 => ("内容类型不受支持", "提交的内容类型不受支持，请通过页面上的表单提交。"),
            429 => ("操作过于频繁", "您的操作过于频繁，请稍等一分钟后再试。"),
            _ => ("系统出错了", "处理您的请求时发生意外错误，请稍后重试；如问题持续，请联系省政工职评办。"),
        };
        if (status >= 500)
        {
            // The request's correlation id (ADR 0061): the same id every log line of the request carries.
            RequestId = HttpContext.TraceIdentifier;
        }
    }
}
