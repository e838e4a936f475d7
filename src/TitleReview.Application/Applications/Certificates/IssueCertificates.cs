using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Certificates;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Certificates;

/// <summary>
/// The office issues certificates (发证): to one passed candidate (<paramref name="ApplicationId"/>)
/// or to every passed candidate without one yet (null), in list order: level, unit, name.
/// </summary>
public sealed record IssueCertificates(int Year, Guid? ApplicationId, WorkflowActor Actor);

public sealed record CertificatesIssued(IReadOnlyList<string> Numbers);

internal sealed class IssueCertificatesHandler(
    IServiceScopeFactory scopes,
    IApplicationDbContext db,
    ICurrentCampaign campaigns,
    IWorkflowDefinitions definitions,
    IPersonDirectory people,
    IUnitDirectory units,
    TimeProvider clock,
    ILogger<IssueCertificatesHandler> logger) : IHandler<IssueCertificates, CertificatesIssued>
{
    /// <summary>How often one certificate is tried when another issuer took the same number first.</summary>
    internal const int MaxAttempts = 10;

    public async Task<CertificatesIssued> HandleAsync(IssueCertificates request, CancellationToken cancellationToken = default)
    {
        CertificateCases.RequireOffice(request.Actor);
        var campaign = await CertificateCases.RequireCampaignAsync(campaigns, request.Year, cancellationToken);
        var passed = await CertificateCases.PassedAsync(db, definitions, campaign.Id, null, cancellationToken);
        var holding = (await db.Certificates.AsNoTracking()
                .Where(c => c.CampaignId == campaign.Id && c.Status == CertificateStatus.Valid)
                .Select(c => c.ApplicationId)
                .ToListAsync(cancellationToken))
            .ToHashSet();

        IReadOnlyList<PassedCandidate> targets;
        if (request.ApplicationId is { } applicationId)
        {
            if (passed.FirstOrDefault(p => p.ApplicationId == applicationId) is not { } candidate)
            {
                if (!await db.TitleApplications.AsNoTracking().AnyAsync(a => a.Id == applicationId && a.CampaignId == campaign.Id, cancellationToken))
                {
                    throw new NotFoundException("该申报");
                }

                throw new BusinessRuleViolationException(new CertificateOnlyForCommitteePassedRule(false));
            }

            targets = [candidate];
        }
        else
        {
            targets = passed.Where(p => !holding.Contains(p.ApplicationId)).ToList();
        }

        // The rules that hold for the whole batch are checked before the first number is taken, so
        // a refusal leaves nothing half issued.
        var firstDay = await CertificateCases.ResultsFirstDayAsync(db, campaign.Id, cancellationToken);
        Check(new CertificateAfterResultsPublicityBeganRule(firstDay, BeijingTime.DateOf(clock.GetUtcNow())));
        if (request.ApplicationId is not null)
        {
            Check(new OneValidCertificatePerApplicationRule(holding.Contains(targets[0].ApplicationId)));
        }

        var configured = (await db.CertificateNumberings.AsNoTracking().Where(n => n.CampaignId == campaign.Id).Select(n => n.Level).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var level in targets.Select(t => t.Level).Distinct().OrderByDescending(l => l))
        {
            Check(new CertificateNumberingConfiguredRule(configured.Contains(level), level));
        }

        var committee = await CertificateCases.CommitteeNameAsync(db, campaign.Id, cancellationToken);
        var cards = await units.FindAllAsync([.. targets.Select(t => t.UnitId).Distinct()], cancellationToken);
        var ordered = targets.InListOrder(t => t.Level, t => cards.GetValueOrDefault(t.UnitId)?.Name ?? string.Empty, t => t.ApplicantName).ToList();
        var numbers = new List<string>();
        foreach (var target in ordered)
        {
            var (_, idNumber) = await people.GetContactAsync(target.ApplicantUserId, cancellationToken);
            var holder = new CertificateHolder(
                target.ApplicationId, campaign.Id, campaign.Year, target.Level, target.ApplicantName, idNumber ?? string.Empty, target.UnitId, cards.GetValueOrDefault(target.UnitId)?.Name ?? string.Empty, committee);
            numbers.Add(await IssueOneAsync(holder, firstDay, request.Actor, cancellationToken));
        }

        return new CertificatesIssued(numbers);
    }

    /// <summary>
    /// Takes the level's next number and saves it with the certificate in one transaction, each try
    /// in a fresh unit of work: when another issuer saved the counter first (its concurrency token
    /// changed), the certificate is tried again with the number after.
    /// </summary>
    private async Task<string> IssueOneAsync(CertificateHolder holder, DateOnly? firstDay, WorkflowActor actor, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var work = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
            try
            {
                await using var transaction = await work.BeginTransactionAsync(cancellationToken);
                var numbering = await work.CertificateNumberings.FirstOrDefaultAsync(n => n.CampaignId == holder.CampaignId && n.Level == holder.Level, cancellationToken);
                Check(new CertificateNumberingConfiguredRule(numbering is not null, holder.Level));
                var hasValid = await work.Certificates.AnyAsync(c => c.ApplicationId == holder.ApplicationId && c.Status == CertificateStatus.Valid, cancellationToken);
                var now = clock.GetUtcNow();
                var certificate = Certificate.Issue(holder, new CertificateIssuing(true, firstDay, hasValid, BeijingTime.DateOf(now)), numbering!, now, actor.Id, actor.Name);
                work.Certificates.Add(certificate);
                await work.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return certificate.Number;
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                logger.LogInformation("Certificate for application {ApplicationId}: attempt {Attempt} lost the number to another issuer ({Error}); trying again", holder.ApplicationId, attempt, ex.GetType().Name);
            }
            catch (DbUpdateException ex)
            {
                throw new ConcurrencyConflictException("证书编号正被他人同时使用，本次发证未完成，请稍后再试。", ex);
            }
        }
    }

    private static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}
