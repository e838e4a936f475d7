namespace TitleReview.Domain.Security;

public enum AuditAction
{
    LoginSucceeded = 1,
    LoginFailed = 2,
    LockedOut = 3,
    LoginRejectedWhileLockedOut = 4,
    LoggedOut = 5,
    AccountCreated = 6,
    AccountActivated = 7,
    AccountDisabled = 8,
    ActivationLinkIssued = 9,
}
