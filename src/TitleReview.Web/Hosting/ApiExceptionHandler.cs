using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Files;
using TitleReview.Domain.Common;

namespace TitleReview.Web.Hosting;

/// <summary>
/// The one place where exceptions become HTTP answers for the API: validation → 400 with
/// field messages, broken rule → 409 with its Chinese message, not found or not yours → 404.
/// Pages get the same mapping inline from <see cref="ApplicationExceptionPageFilter"/>.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger)
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
        BadHttpRequestException b => new ProblemDetails
        {
            Status = b.StatusCode,
            Title = "请求格式不正确",
            Detail = b.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "提交的内容超过了允许的大小。"
                : "请求的参数格式不正确，请检查后重试。",
        },
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
}
