namespace TitleReview.Domain.Common;

/// <summary>
/// A configuration or data problem the domain cannot work around (for example a missing
/// holiday calendar). The message is Chinese because operators read it on screen.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
    }
}
