using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.SpotChecks;

/// <summary>
/// The office publishes the commitment (公布抽查承诺): the system generates the secret seed and
/// publishes its hash, <paramref name="DrawAt"/>, the frozen candidates and the named source of
/// the public value. From here nothing of the draw can change.
/// </summary>
public sealed record CommitSpotCheck(int Year, DateTimeOffset? DrawAt, string? PublicValueSource, WorkflowActor Actor);

public sealed record SpotCheckCommitted(Guid DrawId, string Commitment, DateTimeOffset DrawAt, int Units, int Candidates);

internal sealed class CommitSpotCheckHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, TimeProvider clock)
    : IHandler<CommitSpotCheck, SpotCheckCommitted>
{
    public async Task<SpotCheckCommitted> HandleAsync(CommitSpotCheck request, CancellationToken cancellationToken = default)
    {
        SpotCheckAccess.RequireOffice(request.Actor);
        var now = clock.GetUtcNow();
        var campaign = await SpotCheckAccess.CampaignAsync(db, request.Year, cancellationToken);
        var window = SpotCheckAccess.WindowOf(campaign);
        var v = new Validation();
        SpotCheckAccess.Require(v, new PublicValueSourceNamedRule(request.PublicValueSource), "publicValueSource");
        if (request.DrawAt is not { } drawAt)
        {
            v.Add("drawAt", "请填写抽取时间。");
        }
        else
        {
            SpotCheckAccess.Require(v, new SpotCheckDrawTimeInTheFutureRule(drawAt, now), "drawAt");
            SpotCheckAccess.Require(v, new SpotCheckDrawTimeInsideWindowRule(drawAt, window.OpensAt, window.ClosesAt), "drawAt");
        }

        v.ThrowIfInvalid();

        var draw = await db.SpotCheckDraws.Include(d => d.Candidates).FirstOrDefaultAsync(d => d.CampaignId == campaign.Id, cancellationToken)
            ?? throw new DomainException("请先设定抽取规则。");
        var candidates = await SpotCheckAccess.CandidatesAsync(db, definitions, units, campaign.Id, cancellationToken);
        draw.Commit(SpotCheckAlgorithm.NewSeed(), request.DrawAt!.Value, request.PublicValueSource!, candidates, window, now, SpotCheckAccess.ActorOf(request.Actor));
        await db.SaveChangesAsync(cancellationToken);
        return new SpotCheckCommitted(draw.Id, draw.Commitment!, draw.DrawAt!.Value, draw.Units.Count, candidates.Count);
    }
}
