using Microsoft.EntityFrameworkCore;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Security;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Common.Interfaces;

public interface IApplicationDbContext
{
    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<AuditChainHead> AuditChainHeads { get; }

    DbSet<Unit> Units { get; }

    DbSet<Campaign> Campaigns { get; }

    DbSet<TitleApplication> TitleApplications { get; }

    DbSet<WorkflowInstance> WorkflowInstances { get; }

    DbSet<WorkflowJournalEntry> WorkflowJournal { get; }

    DbSet<WorkflowBookmark> WorkflowBookmarks { get; }

    DbSet<WorkflowIncident> WorkflowIncidents { get; }

    DbSet<WorkflowMark> WorkflowMarks { get; }

    DbSet<Domain.Workflows.Bulk.BulkOperation> BulkOperations { get; }

    DbSet<Domain.Workflows.Bulk.BulkOperationItem> BulkOperationItems { get; }

    DbSet<UnitRegistration> UnitRegistrations { get; }

    DbSet<Notifications.InboxMessage> InboxMessages { get; }

    DbSet<Domain.Messaging.OutboundMessage> OutboundMessages { get; }

    DbSet<Domain.Notifications.AccountNotification> AccountNotifications { get; }

    DbSet<Domain.Notifications.ReminderSent> RemindersSent { get; }

    DbSet<Domain.Applications.Dossier.DossierItem> DossierItems { get; }

    DbSet<Domain.Applications.Dossier.DossierAttachment> DossierAttachments { get; }

    DbSet<Domain.Applications.Dossier.DossierVerification> DossierVerifications { get; }

    DbSet<Domain.Applications.Dossier.AttachmentOpening> AttachmentOpenings { get; }

    DbSet<Domain.Applications.Dossier.SectionReturn> SectionReturns { get; }

    DbSet<Domain.Applications.Documents.DossierSnapshot> DossierSnapshots { get; }

    DbSet<Domain.Applications.Documents.GeneratedDocument> GeneratedDocuments { get; }

    DbSet<Domain.Applications.Intake.PaperDelivery> PaperDeliveries { get; }

    DbSet<Domain.Applications.Intake.EnvelopeCheckIn> EnvelopeCheckIns { get; }

    DbSet<Domain.Applications.Intake.PaperDeliveryException> PaperDeliveryExceptions { get; }

    DbSet<Domain.Applications.Publicities.PublicPublicity> PublicPublicities { get; }

    DbSet<Domain.Applications.SpotChecks.SpotCheckDraw> SpotCheckDraws { get; }

    DbSet<Domain.Applications.Supplements.Supplement> Supplements { get; }

    DbSet<Domain.Applications.Supplements.SupplementFile> SupplementFiles { get; }

    DbSet<Domain.Applications.Feedback.PublicityFeedback> PublicityFeedback { get; }

    DbSet<Domain.Applications.Preliminary.FailureReason> FailureReasons { get; }

    DbSet<Domain.Applications.Preliminary.PreliminaryDecision> PreliminaryDecisions { get; }

    DbSet<Domain.Applications.Intake.DeliveryReceipt> DeliveryReceipts { get; }

    DbSet<Domain.Fees.UnitPayment> UnitPayments { get; }

    DbSet<Domain.Fees.PaymentTransfer> PaymentTransfers { get; }

    DbSet<Domain.Fees.StatementRow> StatementRows { get; }

    DbSet<Domain.Applications.Originals.OriginalsCheck> OriginalsChecks { get; }

    DbSet<Domain.Applications.Integrity.IntegrityCase> IntegrityCases { get; }

    DbSet<Domain.Applications.Committee.Expert> Experts { get; }

    DbSet<Domain.Applications.Committee.ReviewCommittee> ReviewCommittees { get; }

    DbSet<Domain.Applications.Committee.ExpertDeclaration> ExpertDeclarations { get; }

    DbSet<Domain.Applications.Committee.ExpertReview.DossierOpening> DossierOpenings { get; }

    DbSet<Domain.Applications.Committee.ExpertReview.ExpertOpinion> ExpertOpinions { get; }

    DbSet<Domain.Applications.Committee.Results.UnitResultsReport> UnitResultsReports { get; }

    DbSet<Domain.Applications.Committee.Defense.DefenseSchedule> DefenseSchedules { get; }

    DbSet<Domain.Applications.Committee.Defense.DefenseScore> DefenseScores { get; }

    DbSet<Domain.Applications.Committee.Voting.VotingSession> VotingSessions { get; }

    DbSet<Domain.Applications.Certificates.Certificate> Certificates { get; }

    DbSet<Domain.Applications.Certificates.CertificateNumbering> CertificateNumberings { get; }

    DbSet<Domain.Applications.Certificates.CertificateCollection> CertificateCollections { get; }

    DbSet<Domain.Applications.Certificates.CertificatePrintLayout> CertificatePrintLayouts { get; }

    DbSet<Domain.Integrity.IntegrityRecordEntry> IntegrityRecordEntries { get; }

    DbSet<Domain.Integrity.NegativeListEntry> NegativeListEntries { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    Task<ITransaction> BeginTransactionAsync(CancellationToken cancellationToken = default);
}
