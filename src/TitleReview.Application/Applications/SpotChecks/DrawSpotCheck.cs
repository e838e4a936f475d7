using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.SpotChecks;

/// <summary>
/// The office draws (抽取) with the public value it read at the published source: the selection
/// follows from the seed, that value and the frozen candidates; the seed is revealed; the chosen
/// cases enter the spot check and their units' auditors and the applicants are told when the
/// originals are due. Everything in one transaction.
/// </summary>
public sealed record DrawSpotCheck(int Year, string? PublicValue, WorkflowActor Actor);

public sealed record SpotCheckDrawn(Guid DrawId, string Seed, string PublicValue, int Units, int Persons);

internal sealed class DrawSpotCheckHandler(
    IApplicationDbContext db,
    IWorkflowEngine engine,
    IWorkflowDefinitions definitions,
    IPersonDirectory people,
    IMessageOutbox outbox,
    ISiteLinks links,
    TimeProvider clock) : IHandler<DrawSpotCheck, SpotCheckDrawn>
{
    public async Task<SpotCheckDrawn> HandleAsync(DrawSpotCheck request, CancellationToken cancellationToken = default)
    {
        SpotCheckAccess.RequireOffice(request.Actor);
        var now = clock.GetUtcNow();
        var v = new Validation();
        SpotCheckAccess.Require(v, new PublicValueGivenRule(request.PublicValue), "publicValue");
        v.ThrowIfInvalid();

        var campaign = await SpotCheckAccess.CampaignAsync(db, request.Year, cancellationToken);
        var draw = await db.SpotCheckDraws.Include(d => d.Candidates).Include(d => d.Steps).FirstOrDefaultAsync(d => d.CampaignId == campaign.Id, cancellationToken)
            ?? throw new DomainException("请先设定抽取规则并公布抽查承诺。");
        var selection = draw.Draw(request.PublicValue!, SpotCheckAccess.WindowOf(campaign), now, SpotCheckAccess.ActorOf(request.Actor));

        // A chosen case that left the candidates since the commitment (e.g. an integrity decision)
        // stays chosen in the published result but has nothing left to check.
        var chosen = draw.Candidates.Where(c => c.Chosen).Select(c => c.ApplicationId).ToList();
        var stillCandidates = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.SpotCheckCandidate);
        var cases = await (
                from instance in db.WorkflowInstances.AsNoTracking()
                join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
                where instance.SubjectType == ApplicationWorkflow.SubjectType && chosen.Contains(application.Id) && stillCandidates.Contains(instance.State)
                select new ChosenCase(instance.Id, application.Id, application.ApplicantUserId, application.ApplicantName, application.UnitId))
            .ToListAsync(cancellationToken);

        var reason = ReasonFor(draw.OriginalsDueOn);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var chosenCase in cases)
        {
            await engine.PerformAsync(new PerformRequest(chosenCase.InstanceId, WorkflowOperations.DrawSpotCheck, request.Actor, reason), cancellationToken);
        }

        await NotifyAsync(campaign.Year, draw, cases, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SpotCheckDrawn(draw.Id, draw.Seed!, draw.PublicValue!, selection.Units.Count, selection.Persons.Count);
    }

    /// <summary>The journal row each chosen case carries, which the auditor's and applicant's pages show.</summary>
    public static string ReasonFor(DateOnly dueOn) => $"抽中抽查复核：请于{dueOn:yyyy年M月d日}前以单位名义将全部申报材料原件报送省政工职评办复核。";

    /// <summary>
    /// Every unit with someone chosen hears how many and by when, and each chosen applicant that
    /// they were chosen. No message carries a personal number; the names are read after signing in.
    /// </summary>
    private async Task NotifyAsync(int year, SpotCheckDraw draw, IReadOnlyList<ChosenCase> cases, CancellationToken cancellationToken)
    {
        var applicants = await people.RecipientsAsync([.. cases.Select(c => c.ApplicantUserId).Distinct()], cancellationToken);
        var auditors = await people.AuditorsAsync([.. cases.Select(c => c.UnitId).Distinct()], cancellationToken);
        var page = links.Absolute($"/SpotCheck/{draw.Id}");
        var site = links.Absolute("/Account/Login");
        var due = $"{draw.OriginalsDueOn:yyyy年M月d日}";
        var subject = $"{year}年度抽查复核抽取结果";
        foreach (var chosenCase in cases)
        {
            if (applicants.TryGetValue(chosenCase.ApplicantUserId, out var applicant))
            {
                outbox.Enqueue(applicant, new OutgoingMessage("抽查复核", subject, $"{chosenCase.ApplicantName}：您的申报被抽中抽查复核，请于{due}前通过所在单位将全部申报材料原件报送省政工职评办复核。抽取过程与结果见 {page}。"));
            }
        }

        foreach (var unit in cases.GroupBy(c => c.UnitId))
        {
            var unitName = draw.Candidates.First(c => c.ApplicationId == unit.First().ApplicationId).UnitName;
            foreach (var auditor in auditors[unit.Key])
            {
                outbox.Enqueue(auditor, new OutgoingMessage(
                    "抽查复核",
                    subject,
                    $"{auditor.Name}：{year}年度抽查复核已抽取，{unitName}有 {unit.Count()} 名申报人被抽中。请于{due}前以单位名义将被抽中人员的全部申报材料原件报送省政工职评办复核，名单请登录系统查看（{site}）。抽取过程与结果见 {page}。"));
            }
        }
    }

    private sealed record ChosenCase(Guid InstanceId, Guid ApplicationId, string ApplicantUserId, string ApplicantName, Guid UnitId);
}
