namespace TitleReview.Application.Common.Exceptions;

/// <summary>
/// The thing does not exist, or it is not the caller's to see: both answer 404, so a
/// stranger cannot tell which.
/// </summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string what)
        : base($"未找到{what}，或您无权查看。")
    {
    }
}
