namespace TitleReview.Application.Common.Exceptions;

/// <summary>Somebody else changed the same record first; the caller's change was not saved.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string? message = null, Exception? inner = null)
        : base(message ?? "该记录刚刚已被他人修改，您的操作未保存。请刷新页面查看最新内容后再试。", inner)
    {
    }
}
