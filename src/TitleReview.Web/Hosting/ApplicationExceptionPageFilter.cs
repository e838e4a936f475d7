using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Files;
using TitleReview.Domain.Common;

namespace TitleReview.Web.Hosting;

/// <summary>
/// Pages show what went wrong next to the form instead of an error page: field messages go
/// to their fields, broken rules to the top of the form, and nothing is saved.
/// </summary>
internal sealed class ApplicationExceptionPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled)
        {
            return;
        }

        var modelState = executed.ModelState;
        switch (executed.Exception)
        {
            case ValidationException validation:
                var prefix = (executed.HandlerInstance as IFormPage)?.FieldPrefix;
                foreach (var (field, messages) in validation.Errors)
                {
                    var key = string.IsNullOrEmpty(prefix) || string.IsNullOrEmpty(field) ? field : $"{prefix}.{field}";
                    foreach (var message in messages)
                    {
                        modelState.AddModelError(key, message);
                    }
                }

                break;
            case UploadRejectedException upload:
                modelState.AddModelError("file", upload.Message);
                break;
            case BusinessRuleViolationException or ConcurrencyConflictException or DomainException or ForbiddenAccessException:
                modelState.AddModelError(string.Empty, executed.Exception.Message);
                break;
            case NotFoundException:
                executed.Result = new NotFoundResult();
                executed.ExceptionHandled = true;
                return;
            default:
                return;
        }

        executed.Result = executed.HandlerInstance is PageModel page ? page.Page() : new PageResult();
        executed.ExceptionHandled = true;
    }
}

/// <summary>A page whose inputs are bound under a prefix (for example <c>Input</c>).</summary>
public interface IFormPage
{
    string FieldPrefix { get; }
}
