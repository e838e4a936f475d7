namespace TitleReview.Web.Hosting;

/// <summary>
/// Chinese messages for the data annotations on page input models, worded as the application's
/// validators word theirs, so a field reads the same whichever check caught it.
/// </summary>
public static class FieldMessages
{
    /// <summary>{0} is the field's display name, {1} the longest length.</summary>
    public const string TooLong = "{0}不能超过 {1} 个字。";
}
