namespace TitleReview.Application.Files;

public enum UploadRejectionReason
{
    Empty,
    TooLarge,
    UnsupportedType,
    BadName,
}
