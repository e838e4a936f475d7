namespace TitleReview.Application.Common.Exceptions;

/// <summary>The caller may see the thing but not do this to it (403).</summary>
public sealed class ForbiddenAccessException : Exception
{
    public ForbiddenAccessException(string message)
        : base(message)
    {
    }
}
