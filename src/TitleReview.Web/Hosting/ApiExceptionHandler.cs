using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Files;
using TitleReview.Domain.Common;

namespace TitleReview.Web.Hosting;

/// <summary>
/// The one place where exceptions and bare status codes become HTTP answers for the API:
/// validation or unreadable input → 400 with field messages, broken rule → 409 with its
/// Chinese message, not found or not yours → 404; a status code set without a body (no
/// route, wrong method, refused sign-in, rate limit) gets a Chinese ProblemDetails from
/// <see cref="WriteStatusAsync"/>. Pages get the same mapping inline from
/// <see cref="ApplicationExceptionPageFilter"/>.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed Request.Path at the error page; the feature keeps the original.
        var path = httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (path is null || !(path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/files/", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var problem = ToProblem(exception);
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Path}", path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "服务器内部错误",
                Detail = "处理请求时发生意外错误，请稍后重试；如问题持续，请联系省政工职评办。",
            };
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        ValidationException v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "提交的内容有误",
            Detail = v.Message,
        },
        BadHttpRequestException b => FromBadRequest(b),
        UploadRejectedException u => new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["file"] = [u.Message] })
        {
            Status = u.StatusCode,
            Title = u.StatusCode == StatusCodes.Status413PayloadTooLarge ? "文件过大" : "文件不符合要求",
            Detail = u.Message,
        },
        StoredFileTamperedException t => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "文件校验失败",
            Detail = t.Message,
        },
        ForbiddenAccessException f => new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "无权执行该操作",
            Detail = f.Message,
        },
        NotFoundException n => new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = "未找到",
            Detail = n.Message,
        },
        BusinessRuleViolationException or ConcurrencyConflictException or DomainException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "无法执行该操作",
            Detail = exception.Message,
        },
        _ => null,
    };

    /// <summary>Writes a Chinese ProblemDetails for a status code that was set without a body.</summary>
    public static async Task WriteStatusAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var (title, detail) = DescribeStatus(status);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    internal static (string Title, string Detail) DescribeStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("请求格式不正确", "请求的参数格式不正确，请检查后重试。"),
        StatusCodes.Status401Unauthorized => ("请先登录", "该接口需要登录后才能使用。"),
        StatusCodes.Status403Forbidden => ("无权执行该操作", "您的账号没有执行该操作的权限。"),
        StatusCodes.Status404NotFound => ("未找到", "请求的地址或记录不存在，或您无权查看。"),
        StatusCodes.Status405MethodNotAllowed => ("不支持该请求方法", "该地址不接受这种请求方法（如 GET、POST），请检查接口说明。"),
        StatusCodes.Status413PayloadTooLarge => ("内容过大", "提交的内容超过了允许的大小。"),
        StatusCodes.Status414UriTooLong => ("地址过长", "请求的地址或查询参数过长，请缩短后重试。"),
        StatusCodes.Status415UnsupportedMediaType => ("不支持的内容类型", "请以 application/json 格式提交（上传文件请用 multipart/form-data）。"),
        StatusCodes.Status429TooManyRequests => ("请求过于频繁", "您的请求过于频繁，请稍后再试。"),
        >= 500 => ("服务器内部错误", "处理请求时发生意外错误，请稍后重试；如问题持续，请联系省政工职评办。"),
        _ => ("请求未能完成", "请求未能完成，请检查后重试。"),
    };

    /// <summary>
    /// Unreadable input found while binding: the JSON path or the parameter named in the
    /// framework's message becomes the field, so the answer says which value to fix.
    /// </summary>
    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        if (exception.StatusCode != StatusCodes.Status400BadRequest)
        {
            var (title, detail) = DescribeStatus(exception.StatusCode);
            return new ProblemDetails { Status = exception.StatusCode, Title = title, Detail = detail };
        }

        var (field, message) = exception.InnerException is JsonException json
            ? FromJson(json)
            : FromBinding(exception.Message);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "提交的内容有误",
            Detail = message,
        };
    }

    private static (string Field, string Message) FromJson(JsonException json)
    {
        var field = FieldFromJsonPath(json.Path);
        if (field == BodyField)
        {
            return (field, "请求正文不是有效的 JSON 对象，请检查格式（引号、逗号、括号）后重试。");
        }

        return json is UnknownEnumValueException unknown
            ? (field, $"字段 {field} 的值不在允许范围内，可选值：{string.Join("、", unknown.Allowed)}。")
            : (field, $"字段 {field} 的值格式不正确，请检查类型（文本、数字、日期、true/false）和 JSON 格式后重试。");
    }

    private static (string Field, string Message) FromBinding(string message)
    {
        if (message.Contains("from body", StringComparison.Ordinal) || message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return (BodyField, "请求正文不能为空，请以 JSON 对象提交。");
        }

        var match = BindingParameter().Match(message);
        if (!match.Success)
        {
            return (BodyField, "请求的参数格式不正确，请检查后重试。");
        }

        var name = match.Groups["name"].Value;
        return message.StartsWith("Required", StringComparison.Ordinal)
            ? (name, $"缺少参数 {name}。")
            : (name, $"参数 {name} 的值格式不正确，请检查后重试。");
    }

    /// <summary>The field a JSON path points at, camelCase: <c>$.item.Kind</c> → <c>item.kind</c>; the whole body is <c>body</c>.</summary>
    internal static string FieldFromJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return BodyField;
        }

        var segments = path[2..].Split('.');
        return string.Join('.', segments.Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
    }

    private const string BodyField = "body";

    // "Failed to bind parameter "WorkflowStatus? status" from "x"." (Development names the type too).
    [GeneratedRegex("parameter \"(?:[^\"]+ )?(?<name>[^\" ]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex BindingParameter();
}
