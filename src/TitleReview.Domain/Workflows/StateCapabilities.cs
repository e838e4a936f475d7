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

    /// <summary>The office decided the preliminary review and has not published it: the decision may still change, with a reason.</summary>
    public const string PreliminaryDecided = "preliminaryDecided";

    /// <summary>The preliminary review passed (before or after its publicity, or on supplements).</summary>
    public const string PreliminaryPassed = "preliminaryPassed";

    /// <summary>The preliminary review failed (before or after its publicity).</summary>
    public const string PreliminaryFailed = "preliminaryFailed";

    /// <summary>The preliminary result is published in the public publicity.</summary>
    public const string PreliminaryPublished = "preliminaryPublished";

    /// <summary>The applicant failed the published preliminary review and may submit supplements while the publicity runs.</summary>
    public const string SupplementAllowed = "supplementAllowed";

    /// <summary>The applicant submitted supplements; the office passes them or keeps the result, with a reason.</summary>
    public const string SupplementAwaitingReview = "supplementAwaitingReview";

    /// <summary>The publicity is out and the unit has not submitted its feedback for this applicant.</summary>
    public const string AwaitingFeedback = "awaitingFeedback";

    /// <summary>The unit submitted its publicity feedback for this applicant.</summary>
    public const string FeedbackSubmitted = "feedbackSubmitted";

    /// <summary>The publicity feedback leaves no standing objection: the dossier may go on to the committee.</summary>
    public const string PublicityCleared = "publicityCleared";

    /// <summary>The publicity feedback reports an objection that stands.</summary>
    public const string ObjectionUpheld = "objectionUpheld";

    /// <summary>The feedback stage closed without the unit's feedback for this applicant.</summary>
    public const string FeedbackMissing = "feedbackMissing";

    /// <summary>The case may be drawn for the spot check (抽查复核): cleared after its publicity and not yet drawn.</summary>
    public const string SpotCheckCandidate = "spotCheckCandidate";

    /// <summary>The case was drawn for the spot check (in every state after the draw).</summary>
    public const string SpotCheckSelected = "spotCheckSelected";

    /// <summary>The case was drawn and the office has not concluded the check of its originals.</summary>
    public const string SpotCheckPending = "spotCheckPending";

    /// <summary>Every original the office checked matches its scan.</summary>
    public const string SpotCheckPassed = "spotCheckPassed";

    /// <summary>An original did not match its scan: the finding is recorded and an integrity case is open.</summary>
    public const string SpotCheckMismatch = "spotCheckMismatch";

    /// <summary>The spot check closed before the office checked the originals; the office may still conclude it, with a reason.</summary>
    public const string SpotCheckOverdue = "spotCheckOverdue";

    /// <summary>An integrity case (诚信) is open for the case: it cannot go to the committee until it is decided.</summary>
    public const string IntegrityCaseOpen = "integrityCaseOpen";

    /// <summary>By the committee list's rules the case goes to the committee when the list is published.</summary>
    public const string CommitteeEligible = "committeeEligible";

    /// <summary>The office removed an eligible case from the committee list, with a reason, before publishing it.</summary>
    public const string RemovedFromCommitteeList = "removedFromCommitteeList";

    /// <summary>The office kept a case whose feedback is missing on the committee list, with a reason, before publishing it.</summary>
    public const string KeptOnCommitteeList = "keptOnCommitteeList";

    /// <summary>The published committee list sends the case to the committee.</summary>
    public const string ReferredToCommittee = "referredToCommittee";

    /// <summary>The published committee list left the case out; the journal holds the reason.</summary>
    public const string NotReferred = "notReferred";

    /// <summary>A senior candidate's defense (答辩) is scheduled and published; attendance is not yet recorded.</summary>
    public const string DefenseScheduled = "defenseScheduled";

    /// <summary>The senior candidate attended the defense: they go to the committee's vote.</summary>
    public const string DefenseHeld = "defenseHeld";

    /// <summary>The senior candidate was absent from the defense: they fail when their level's vote closes, without a ballot.</summary>
    public const string DefenseAbsent = "defenseAbsent";

    /// <summary>
    /// The committee's vote decided the case (passed or failed). The result is secret until the
    /// results publicity's first day: before it, only the office and the committee read it.
    /// </summary>
    public const string CommitteeDecided = "committeeDecided";

    /// <summary>The committee passed the candidate (with <see cref="CommitteeDecided"/>; a decided case without it failed).</summary>
    public const string CommitteePassed = "committeePassed";

    /// <summary>
    /// The office vetoed the application (一票否决) on an integrity decision: it ended failed at the
    /// stage it had reached, with the reason in the journal.
    /// </summary>
    public const string Vetoed = "vetoed";

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

    /// <summary>The committee's results are published and the unit has not reported back on its internal publicity yet.</summary>
    public const string ResultsReportAwaited = "resultsReportAwaited";

    /// <summary>The unit reported back on its internal publicity of the results (it may amend until the close).</summary>
    public const string ResultsReported = "resultsReported";

    /// <summary>The results stage closed without the unit's report-back.</summary>
    public const string ResultsReportMissing = "resultsReportMissing";

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
        PreliminaryDecided,
        PreliminaryPassed,
        PreliminaryFailed,
        PreliminaryPublished,
        SupplementAllowed,
        SupplementAwaitingReview,
        AwaitingFeedback,
        FeedbackSubmitted,
        PublicityCleared,
        ObjectionUpheld,
        FeedbackMissing,
        SpotCheckCandidate,
        SpotCheckSelected,
        SpotCheckPending,
        SpotCheckPassed,
        SpotCheckMismatch,
        SpotCheckOverdue,
        IntegrityCaseOpen,
        CommitteeEligible,
        RemovedFromCommitteeList,
        KeptOnCommitteeList,
        ReferredToCommittee,
        NotReferred,
        DefenseScheduled,
        DefenseHeld,
        DefenseAbsent,
        CommitteeDecided,
        CommitteePassed,
        Vetoed,
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
        ResultsReportAwaited,
        ResultsReported,
        ResultsReportMissing,
    };
}
