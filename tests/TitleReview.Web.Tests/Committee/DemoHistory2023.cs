using Microsoft.EntityFrameworkCore;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Web.Tests.Committee;

/// <summary>
/// The demo tells 2023 to its end: the committee formed, the experts pledged and read, 赵强 defended,
/// the committee passed both candidates and the office published the results. Fixtures that test
/// an earlier step through its own pages take the history back to just before that step, so the
/// step happens again through the page under test.
/// </summary>
internal static class DemoHistory2023
{
    /// <summary>The state the committee list's publication left both candidates in.</summary>
    private const string OnCommitteeList = "OnCommitteeList";

    /// <summary>Back to the day after the vote: the results are neither published nor reported on.</summary>
    public static async Task WithoutTheResultsAsync(AppDbContext db)
    {
        var campaign = await CampaignAsync(db);

        // The certificates (issue 17) come after the results: taking the results back takes them too.
        await db.Certificates.Where(c => c.CampaignId == campaign).ExecuteDeleteAsync();
        await db.CertificateCollections.Where(k => k.CampaignId == campaign).ExecuteDeleteAsync();
        await db.CertificateNumberings.Where(n => n.CampaignId == campaign).ExecuteDeleteAsync();
        var reports = db.UnitResultsReports.Where(r => r.CampaignId == campaign).Select(r => r.Id);
        await DeleteInstancesAsync(db, db.WorkflowInstances.Where(i => i.SubjectType == WorkflowSubjectTypes.UnitResultsReport && reports.Contains(i.SubjectId)).Select(i => i.Id));
        await db.UnitResultsReports.Where(r => r.CampaignId == campaign).ExecuteDeleteAsync();
        await db.PublicPublicities.Where(p => p.CampaignId == campaign && p.Kind == PublicPublicityKind.CommitteeResults).ExecuteDeleteAsync();
    }

    /// <summary>
    /// Back to the committee list's publication: no experts, no committee, no pledges, readings,
    /// defense, vote or results; both candidates on the list again, their journals ending there.
    /// </summary>
    public static async Task BackToTheListAsync(AppDbContext db)
    {
        await WithoutTheResultsAsync(db);
        var campaign = await CampaignAsync(db);
        await db.VotingSessions.Where(s => s.CampaignId == campaign).ExecuteDeleteAsync();
        await db.DefenseScores.Where(s => s.CampaignId == campaign).ExecuteDeleteAsync();
        await db.DefenseSchedules.Where(s => s.CampaignId == campaign).ExecuteDeleteAsync();
        await db.ExpertOpinions.Where(o => o.CampaignId == campaign).ExecuteDeleteAsync();
        await db.DossierOpenings.Where(o => o.CampaignId == campaign).ExecuteDeleteAsync();
        await db.ExpertDeclarations.Where(d => d.CampaignId == campaign).ExecuteDeleteAsync();
        await db.ReviewCommittees.Where(c => c.CampaignId == campaign).ExecuteDeleteAsync();
        await db.Experts.ExecuteDeleteAsync();

        var listed = db.WorkflowInstances
            .Where(i => i.SubjectType == WorkflowSubjectTypes.Application && i.CampaignId == campaign && db.WorkflowJournal.Any(j => j.InstanceId == i.Id && j.ToState == OnCommitteeList))
            .Select(i => i.Id);
        await db.WorkflowJournal
            .Where(j => listed.Contains(j.InstanceId) && j.Id > db.WorkflowJournal.Where(k => k.InstanceId == j.InstanceId && k.ToState == OnCommitteeList).Min(k => k.Id))
            .ExecuteDeleteAsync();
        await db.WorkflowInstances.Where(i => listed.Contains(i.Id)).ExecuteUpdateAsync(u => u.SetProperty(i => i.State, OnCommitteeList));
    }

    private static Task<Guid> CampaignAsync(AppDbContext db) => db.Campaigns.Where(c => c.Year == 2023).Select(c => c.Id).SingleAsync();

    private static async Task DeleteInstancesAsync(AppDbContext db, IQueryable<Guid> instances)
    {
        var ids = await instances.ToListAsync();
        await db.WorkflowBookmarks.Where(b => ids.Contains(b.InstanceId)).ExecuteDeleteAsync();
        await db.WorkflowMarks.Where(m => ids.Contains(m.InstanceId)).ExecuteDeleteAsync();
        await db.WorkflowIncidents.Where(i => ids.Contains(i.InstanceId)).ExecuteDeleteAsync();
        await db.WorkflowJournal.Where(j => ids.Contains(j.InstanceId)).ExecuteDeleteAsync();
        await db.WorkflowInstances.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync();
    }
}
