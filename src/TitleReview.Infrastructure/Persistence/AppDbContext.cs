using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Security;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Workflow;

namespace TitleReview.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser>(options), IApplicationDbContext, IDataProtectionKeyContext
{
    /// <summary>
    /// The Data Protection key ring (cookies, antiforgery, activation links), shared by every
    /// instance over one database and backed up with it (ADR 0058).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<TitleApplication> TitleApplications => Set<TitleApplication>();

    public DbSet<WorkflowInstance> WorkflowInstances => Set<WorkflowInstance>();

    public DbSet<WorkflowJournalEntry> WorkflowJournal => Set<WorkflowJournalEntry>();

    public DbSet<WorkflowBookmark> WorkflowBookmarks => Set<WorkflowBookmark>();

    public DbSet<WorkflowIncident> WorkflowIncidents => Set<WorkflowIncident>();

    public DbSet<WorkflowMark> WorkflowMarks => Set<WorkflowMark>();

    public DbSet<Domain.Workflows.Bulk.BulkOperation> BulkOperations => Set<Domain.Workflows.Bulk.BulkOperation>();

    public DbSet<Domain.Workflows.Bulk.BulkOperationItem> BulkOperationItems => Set<Domain.Workflows.Bulk.BulkOperationItem>();

    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitionVersions => Set<WorkflowDefinitionRecord>();

    public DbSet<UnitRegistration> UnitRegistrations => Set<UnitRegistration>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<AccountActivation> AccountActivations => Set<AccountActivation>();

    public DbSet<Domain.Identity.PasswordResetCode> PasswordResetCodes => Set<Domain.Identity.PasswordResetCode>();

    public DbSet<Domain.Messaging.OutboundMessage> OutboundMessages => Set<Domain.Messaging.OutboundMessage>();

    public DbSet<Domain.Notifications.AccountNotification> AccountNotifications => Set<Domain.Notifications.AccountNotification>();

    public DbSet<Domain.Notifications.ReminderSent> RemindersSent => Set<Domain.Notifications.ReminderSent>();

    public DbSet<DossierItem> DossierItems => Set<DossierItem>();

    public DbSet<DossierAttachment> DossierAttachments => Set<DossierAttachment>();

    public DbSet<DossierVerification> DossierVerifications => Set<DossierVerification>();

    public DbSet<AttachmentOpening> AttachmentOpenings => Set<AttachmentOpening>();

    public DbSet<SectionReturn> SectionReturns => Set<SectionReturn>();

    public DbSet<DossierSnapshot> DossierSnapshots => Set<DossierSnapshot>();

    public DbSet<GeneratedDocument> GeneratedDocuments => Set<GeneratedDocument>();

    public DbSet<Domain.Applications.Intake.PaperDelivery> PaperDeliveries => Set<Domain.Applications.Intake.PaperDelivery>();

    public DbSet<Domain.Applications.Intake.EnvelopeCheckIn> EnvelopeCheckIns => Set<Domain.Applications.Intake.EnvelopeCheckIn>();

    public DbSet<Domain.Applications.Intake.PaperDeliveryException> PaperDeliveryExceptions => Set<Domain.Applications.Intake.PaperDeliveryException>();
    public DbSet<Domain.Applications.Publicities.PublicPublicity> PublicPublicities => Set<Domain.Applications.Publicities.PublicPublicity>();

    public DbSet<Domain.Applications.SpotChecks.SpotCheckDraw> SpotCheckDraws => Set<Domain.Applications.SpotChecks.SpotCheckDraw>();

    public DbSet<Domain.Applications.Supplements.Supplement> Supplements => Set<Domain.Applications.Supplements.Supplement>();

    public DbSet<Domain.Applications.Supplements.SupplementFile> SupplementFiles => Set<Domain.Applications.Supplements.SupplementFile>();

    public DbSet<Domain.Applications.Feedback.PublicityFeedback> PublicityFeedback => Set<Domain.Applications.Feedback.PublicityFeedback>();
    public DbSet<Domain.Applications.Preliminary.FailureReason> FailureReasons => Set<Domain.Applications.Preliminary.FailureReason>();

    public DbSet<Domain.Applications.Preliminary.PreliminaryDecision> PreliminaryDecisions => Set<Domain.Applications.Preliminary.PreliminaryDecision>();

    public DbSet<Domain.Applications.Intake.DeliveryReceipt> DeliveryReceipts => Set<Domain.Applications.Intake.DeliveryReceipt>();

    public DbSet<Domain.Fees.UnitPayment> UnitPayments => Set<Domain.Fees.UnitPayment>();

    public DbSet<Domain.Fees.PaymentTransfer> PaymentTransfers => Set<Domain.Fees.PaymentTransfer>();

    public DbSet<Domain.Fees.StatementRow> StatementRows => Set<Domain.Fees.StatementRow>();

    public DbSet<Domain.Applications.Originals.OriginalsCheck> OriginalsChecks => Set<Domain.Applications.Originals.OriginalsCheck>();

    public DbSet<Domain.Applications.Integrity.IntegrityCase> IntegrityCases => Set<Domain.Applications.Integrity.IntegrityCase>();

    public DbSet<Domain.Applications.Committee.Expert> Experts => Set<Domain.Applications.Committee.Expert>();

    public DbSet<Domain.Applications.Committee.ReviewCommittee> ReviewCommittees => Set<Domain.Applications.Committee.ReviewCommittee>();

    public DbSet<Domain.Applications.Committee.ExpertDeclaration> ExpertDeclarations => Set<Domain.Applications.Committee.ExpertDeclaration>();

    public DbSet<Domain.Applications.Committee.ExpertReview.DossierOpening> DossierOpenings => Set<Domain.Applications.Committee.ExpertReview.DossierOpening>();

    public DbSet<Domain.Applications.Committee.ExpertReview.ExpertOpinion> ExpertOpinions => Set<Domain.Applications.Committee.ExpertReview.ExpertOpinion>();

    public DbSet<Domain.Applications.Committee.Results.UnitResultsReport> UnitResultsReports => Set<Domain.Applications.Committee.Results.UnitResultsReport>();

    public DbSet<Domain.Applications.Committee.Defense.DefenseSchedule> DefenseSchedules => Set<Domain.Applications.Committee.Defense.DefenseSchedule>();

    public DbSet<Domain.Applications.Committee.Defense.DefenseScore> DefenseScores => Set<Domain.Applications.Committee.Defense.DefenseScore>();

    public DbSet<Domain.Applications.Committee.Voting.VotingSession> VotingSessions => Set<Domain.Applications.Committee.Voting.VotingSession>();

    public DbSet<Domain.Applications.Certificates.Certificate> Certificates => Set<Domain.Applications.Certificates.Certificate>();

    public DbSet<Domain.Applications.Certificates.CertificateNumbering> CertificateNumberings => Set<Domain.Applications.Certificates.CertificateNumbering>();

    public DbSet<Domain.Applications.Certificates.CertificateCollection> CertificateCollections => Set<Domain.Applications.Certificates.CertificateCollection>();

    public DbSet<Domain.Applications.Certificates.CertificatePrintLayout> CertificatePrintLayouts => Set<Domain.Applications.Certificates.CertificatePrintLayout>();

    public DbSet<Domain.Integrity.IntegrityRecordEntry> IntegrityRecordEntries => Set<Domain.Integrity.IntegrityRecordEntry>();

    public DbSet<Domain.Integrity.NegativeListEntry> NegativeListEntries => Set<Domain.Integrity.NegativeListEntry>();

    public async Task<ITransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        // A transaction already open (an outer use case) is joined rather than nested.
        if (Database.CurrentTransaction is not null)
        {
            return new JoinedTransaction();
        }

        return new OwnTransaction(await Database.BeginTransactionAsync(cancellationToken));
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAppendOnly();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAppendOnly();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    private sealed class OwnTransaction(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction inner) : ITransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken = default) => inner.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    private sealed class JoinedTransaction : ITransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private void GuardAppendOnly()
    {
        var rewritten = ChangeTracker.Entries<AuditEntry>()
            .Any(e => e.State is EntityState.Modified or EntityState.Deleted)
            || ChangeTracker.Entries<AuditChainHead>().Any(e => e.State != EntityState.Unchanged)
            || ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added);
        if (rewritten)
        {
            throw new InvalidOperationException("审计日志只能追加（经审计链 IAuditTrail），不能直接写入、修改或删除。");
        }

        var journalRewritten = ChangeTracker.Entries<WorkflowJournalEntry>()
            .Any(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (journalRewritten)
        {
            throw new InvalidOperationException("流程日志只能追加，不能修改或删除。");
        }
    }
}
