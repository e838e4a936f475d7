namespace TitleReview.Application.Files;

public enum UploadRejectionReason
{
    Empty,
    TooLarge,
    UnsupportedType,
    BadName,

    /// <summary>The declared name does not fit the content read from the file.</summary>
    NameMismatch,
}
