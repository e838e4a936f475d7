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
    PasswordResetRequested = 10,
    PasswordResetCodeRejected = 11,
    PasswordReset = 12,
    AccountReEnabled = 13,
    PasswordResetByOffice = 14,
    TwoFactorReset = 15,
    TwoFactorEnabled = 16,
    TwoFactorDisabled = 17,
    RecoveryCodesGenerated = 18,
    TwoFactorSucceeded = 19,
    TwoFactorFailed = 20,
    RecoveryCodeUsed = 21,
    PasswordChanged = 22,
    RolesChanged = 23,

    /// <summary>A discipline inspector (纪检监察) read a page, a dossier, a scan or an export.</summary>
    InspectorViewed = 24,

    /// <summary>A discipline inspector's request to change something was refused (the role only reads).</summary>
    InspectorWriteRefused = 25,

    /// <summary>A use case that changes something (a command), or a workflow fire: the row's operation names which.</summary>
    UseCase = 26,

    /// <summary>Someone other than its owner opened a dossier, a scan or a document.</summary>
    RecordOpened = 27,

    /// <summary>A workflow timer fired (the system actor).</summary>
    WorkflowTimer = 28,
}
