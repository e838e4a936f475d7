namespace TitleReview.Domain.Workflows;

/// <summary>
/// What a definition's state can mean to the rest of the system. A state declares its
/// capabilities in the definition (<c>"capabilities": ["applicantMayEdit"]</c>); C# asks for a
/// capability and never for a state's name. Start-up refuses a definition naming one not listed here.
/// </summary>
public static class StateCapabilities
{
    /// <summary>The applicant may edit the dossier and submit it (draft, returned).</summary>
    public const string ApplicantMayEdit = "applicantMayEdit";

    /// <summary>The dossier waits for the unit's auditor: verify, approve or return.</summary>
    public const string AwaitingUnitReview = "awaitingUnitReview";

    /// <summary>The unit approved the dossier; the auditor may start the unit publicity.</summary>
    public const string PublicityMayStart = "publicityMayStart";

    /// <summary>The unit publicity is running; its result is recorded after it ends.</summary>
    public const string PublicityRunning = "publicityRunning";

    /// <summary>The publicity passed with no objection; the auditor may submit to the office.</summary>
    public const string ReadyForOffice = "readyForOffice";

    /// <summary>The unit submitted the dossier to the office (and every office stage after it).</summary>
    public const string SubmittedToOffice = "submittedToOffice";

    /// <summary>The unit submitted the dossier and its paper envelope has not been checked in yet.</summary>
    public const string AwaitingPaper = "awaitingPaper";

    /// <summary>The office checked in the dossier's paper envelope (complete or not).</summary>
    public const string PaperCheckedIn = "paperCheckedIn";

    /// <summary>The envelope came with items missing or wrong; completing it while delivery is allowed makes it received.</summary>
    public const string PaperIncomplete = "paperIncomplete";

    /// <summary>The paper delivery window closed before the envelope came.</summary>
    public const string PaperNotDelivered = "paperNotDelivered";

    /// <summary>The unit approved the dossier, so its generated papers can be printed.</summary>
    public const string DocumentsPrintable = "documentsPrintable";

    /// <summary>A unit's registration waits for the office's approval.</summary>
    public const string AwaitingOfficeApproval = "awaitingOfficeApproval";

    /// <summary>The office approved a unit's registration: its auditor account exists.</summary>
    public const string AuditorAppointed = "auditorAppointed";

    /// <summary>The unit's auditor confirmed the registration: its applicants may register.</summary>
    public const string RegistrationConfirmed = "registrationConfirmed";

    /// <summary>The office rejected the registration: the unit may register again.</summary>
    public const string RegistrationRejected = "registrationRejected";

    /// <summary>The unit may record a transfer of its review fee (in the payment window).</summary>
    public const string PaymentMayBeRecorded = "paymentMayBeRecorded";

    /// <summary>The unit recorded a transfer that the office has not reconciled yet.</summary>
    public const string PaymentAwaitingReconciliation = "paymentAwaitingReconciliation";

    /// <summary>Money is still owed: nothing received, or less than due.</summary>
    public const string PaymentOutstanding = "paymentOutstanding";

    /// <summary>The office found the fee received in full (paid, or overpaid with a note).</summary>
    public const string PaymentSettled = "paymentSettled";

    /// <summary>The payment window closed with nothing recorded: the unit's applicants are flagged.</summary>
    public const string PaymentOverdue = "paymentOverdue";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        ApplicantMayEdit,
        AwaitingUnitReview,
        PublicityMayStart,
        PublicityRunning,
        ReadyForOffice,
        SubmittedToOffice,
        AwaitingPaper,
        PaperCheckedIn,
        PaperIncomplete,
        PaperNotDelivered,
        DocumentsPrintable,
        AwaitingOfficeApproval,
        AuditorAppointed,
        RegistrationConfirmed,
        RegistrationRejected,
        PaymentMayBeRecorded,
        PaymentAwaitingReconciliation,
        PaymentOutstanding,
        PaymentSettled,
        PaymentOverdue,
    };
}
