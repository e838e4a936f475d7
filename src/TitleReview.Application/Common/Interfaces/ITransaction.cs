namespace TitleReview.Application.Common.Interfaces;

/// <summary>A database transaction spanning several saves (an approval that also creates an account).</summary>
public interface ITransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken = default);
}
