namespace TitleReview.Application.Common.Interfaces;

/// <summary>One use case: a command or a query and the code that answers it.</summary>
public interface IHandler<in TRequest, TResult>
{
    Task<TResult> HandleAsync(TRequest request, CancellationToken cancellationToken = default);
}
