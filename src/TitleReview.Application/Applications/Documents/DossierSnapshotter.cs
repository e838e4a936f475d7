using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Workflows;
using TitleReview.Application.Units;

namespace TitleReview.Application.Applications.Documents;

/// <summary>
/// The <see cref="WorkflowActions.SnapshotDossier"/> action: when a unit approves a dossier, its content is frozen: the papers print from this snapshot,
/// and papers printed from an earlier approval no longer count as current.
/// </summary>
internal sealed class DossierSnapshotter(IApplicationDbContext db, IUnitDirectory units, IPersonDirectory people) : IWorkflowAction
{
    public string Name => WorkflowActions.SnapshotDossier;

    public async Task RunAsync(WorkflowActionContext context, CancellationToken cancellationToken)
    {
        var (instance, now) = (context.Instance, context.Now);
        if (instance.SubjectType != ApplicationWorkflow.SubjectType)
        {
            throw new InvalidOperationException($"{WorkflowActions.SnapshotDossier} runs on applications, not on {instance.SubjectType}.");
        }

        var contents = await DossierContents.LoadAsync(db, instance.SubjectId, cancellationToken);
        var application = contents.Application;
        var campaign = await db.Campaigns.Include(c => c.Rules).AsNoTracking().SingleAsync(c => c.Id == application.CampaignId, cancellationToken);
        var unit = await units.FindAsync(application.UnitId, cancellationToken)
            ?? throw new InvalidOperationException($"The unit {application.UnitId} of application {application.Id} does not exist.");
        var (mobile, idNumber) = await people.GetContactAsync(application.ApplicantUserId, cancellationToken);
        var tenure = DossierCheck.TenureText(application.CurrentTitleDate, campaign.TenureCutoff);

        var items = contents.Items;
        var content = new DossierSnapshotContent(
            application.ApplicantName,
            idNumber,
            mobile,
            unit.Name,
            unit.CreditCode,
            unit.Nature,
            unit.Region,
            campaign.Year,
            campaign.Name,
            application.Level,
            application.CurrentTitle,
            application.CurrentTitleDate,
            application.CurrentPost,
            application.EvaluationType,
            application.FromCivilService,
            campaign.TenureCutoff,
            tenure,
            items.OfType<ContinuingEducationYear>().OrderBy(y => y.Year).Select(y => new SnapshotEducation(y.Year, y.Hours, y.ProfessionalHours)).ToList(),
            items.OfType<WorkHistoryEntry>().OrderBy(w => w.From).Select(w => new SnapshotWork(w.From, w.To, w.Unit, w.Post)).ToList(),
            items.OfType<Award>().OrderBy(a => a.Date).Select(a => new SnapshotAward(a.Name, a.Level, a.Issuer, a.Date)).ToList(),
            items.OfType<WorkMaterial>().OrderBy(m => m.Date).Select(m => new SnapshotMaterial(m.Kind, m.Title, m.Date, m.WordCount)).ToList(),
            items.OfType<Paper>().OrderBy(p => p.Date).Select(p => new SnapshotPaper(p.Title, p.Journal, p.Issue, p.IssnCn, p.Date, p.AuthorRank)).ToList(),
            items.OfType<Book>().OrderBy(b => b.Date).Select(b => new SnapshotBook(b.Title, b.Publisher, b.Isbn, b.Date, b.Role)).ToList(),
            now,
            string.Empty);

        db.DossierSnapshots.Add(new DossierSnapshot { Id = Guid.NewGuid(), ApplicationId = application.Id, TakenAt = now, Content = content.ToJson() });
        foreach (var document in await db.GeneratedDocuments.Where(d => d.ApplicationId == application.Id && d.SupersededAt == null).ToListAsync(cancellationToken))
        {
            document.Supersede(now);
        }
    }
}
