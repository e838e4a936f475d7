namespace TitleReview.Web.Hosting;

/// <summary>
/// A page that shows data beside its forms. Its GET loads the data; its POST handlers only send
/// their command, and when the command fails <see cref="ApplicationExceptionPageFilter"/> loads the
/// data once, after the failure, so the page re-renders with the messages and what it shows now.
/// </summary>
public interface IPageWithData
{
    Task LoadAsync(CancellationToken cancellationToken);
}
