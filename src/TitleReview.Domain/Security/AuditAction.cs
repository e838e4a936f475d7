namespace TitleReview.Domain.Security;

public enum AuditAction
{
    LoginSucceeded = 1,
    LoginFailed = 2,
    LockedOut = 3,
    LoginRejectedWhileLockedOut = 4,
    LoggedOut = 5,
}
