namespace TitleReview.Domain.Common;

/// <summary>
/// An invariant with a name. <see cref="Message"/> is shown to users as it is, so it is Chinese.
/// </summary>
public interface IBusinessRule
{
    bool IsBroken();

    string Message { get; }
}
