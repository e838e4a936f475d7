namespace TitleReview.Application.Common.Exceptions;

/// <summary>
/// Input that breaks a field's rules. Carries Chinese messages per field; becomes a 400
/// with field messages for the API and inline messages on a page. Nothing is saved.
/// </summary>
public sealed class ValidationException : Exception
{
    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("提交的内容有误，请按提示修改。")
    {
        Errors = errors;
    }

    public ValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
