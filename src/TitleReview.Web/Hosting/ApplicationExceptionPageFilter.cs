using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
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

        if (await ResultOfAsync(executed.Exception, executed, context.HttpContext) is { } result)
        {
            executed.Result = result;
            executed.ExceptionHandled = true;
        }
    }

    /// <summary>What the page answers after a failure it can show; null for any other failure, which is left to the error page.</summary>
    private static async Task<IActionResult?> ResultOfAsync(Exception failure, PageHandlerExecutedContext executed, HttpContext http)
    {
        if (failure is NotFoundException)
        {
            return new NotFoundResult();
        }

        if (!TryShow(failure, executed.ModelState, executed.HandlerInstance))
        {
            return null;
        }

        // A failed command left the page unloaded: load it now, once. A GET has already tried.
        if (executed.HandlerInstance is IPageWithData page && !HttpMethods.IsGet(http.Request.Method))
        {
            try
            {
                await page.LoadAsync(http.RequestAborted);
            }
            catch (NotFoundException)
            {
                return new NotFoundResult();
            }
            catch (Exception reloadFailure)
            {
                if (!TryShow(reloadFailure, executed.ModelState, executed.HandlerInstance))
                {
                    throw;
                }
            }
        }

        return executed.HandlerInstance is PageModel model ? model.Page() : new PageResult();
    }

    /// <summary>Puts an error the user can act on into the model state; false for any other exception.</summary>
    private static bool TryShow(Exception exception, ModelStateDictionary modelState, object handlerInstance)
    {
        switch (exception)
        {
            case ValidationException validation:
                var prefix = (handlerInstance as IFormPage)?.FieldPrefix;
                foreach (var (field, messages) in validation.Errors)
                {
                    var key = string.IsNullOrEmpty(prefix) || string.IsNullOrEmpty(field) ? field : $"{prefix}.{field}";
                    foreach (var message in messages)
                    {
                        AddOnce(modelState, key, message);
                    }
                }

                return true;
            case UploadRejectedException upload:
                AddOnce(modelState, "file", upload.Message);
                return true;
            case BusinessRuleViolationException or ConcurrencyConflictException or DomainException or ForbiddenAccessException:
                AddOnce(modelState, string.Empty, exception.Message);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A reload that fails as its command did says nothing new: the message is shown once.</summary>
    private static void AddOnce(ModelStateDictionary modelState, string key, string message)
    {
        if (modelState.TryGetValue(key, out var entry) && entry.Errors.Any(e => e.ErrorMessage == message))
        {
            return;
        }

        modelState.AddModelError(key, message);
    }
}

/// <summary>A page whose inputs are bound under a prefix (for example <c>Input</c>).</summary>
public interface IFormPage
{
    string FieldPrefix { get; }
}
