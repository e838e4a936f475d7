using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Units.Queries;

/// <summary>The office's list of registrations: mobile numbers and credit codes masked.</summary>
public sealed record ListRegistrations(int? Year = null, string? State = null);

/// <summary>One registration in full, for the office or the unit's own auditor (404 for anyone else).</summary>
public sealed record GetRegistration(Guid RegistrationId, WorkflowActor Actor);

/// <summary>
/// The unit itself opens its registration in full (to print its form) with its access token,
/// the one secret it holds; no account needed.
/// </summary>
public sealed record FindRegistration(string? AccessToken);

/// <summary>The unit's public status look-up by access token: only what the unit needs, contacts masked.</summary>
public sealed record GetRegistrationStatus(string? AccessToken);

public sealed record RegistrationStatus(
    string Number,
    int Year,
    string UnitName,
    string StateName,
    DateTimeOffset SubmittedAt,
    string AuditorName,
    string MaskedAuditorMobile,
    string? MaskedAuditorEmail,
    string FillerName,
    IReadOnlyList<InboxItem> Inbox);

public sealed record RegistrationListItem(
    Guid Id,
    string Number,
    int Year,
    string UnitName,
    string MaskedCreditCode,
    string NatureName,
    string Region,
    string AuditorName,
    string MaskedMobile,
    string State,
    string StateName,
    DateTimeOffset SubmittedAt);

public sealed record InboxItem(string Title, string Body, string? Link, DateTimeOffset CreatedAt);

public sealed record RegistrationDetail(
    Guid Id,
    string Number,
    Guid CampaignId,
    int Year,
    UnitRegistrationDetails Details,
    string NatureName,
    DateTimeOffset SubmittedAt,
    Guid? UnitId,
    string? AuditorUserId,
    Guid InstanceId,
    string State,
    string StateName,
    Guid InstanceToken,
    IReadOnlyList<InboxItem> Inbox,
    IReadOnlyList<PermittedTrigger> PermittedTriggers)
{
    /// <summary>What the registration's state means (<see cref="StateCapabilities"/>), as its definition declares.</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [];

    public bool Means(string capability) => Capabilities.Contains(capability);
}

internal sealed class ListRegistrationsHandler(IApplicationDbContext db, IWorkflowDefinitions definitions)
    : IHandler<ListRegistrations, IReadOnlyList<RegistrationListItem>>
{
    public async Task<IReadOnlyList<RegistrationListItem>> HandleAsync(ListRegistrations request, CancellationToken cancellationToken = default)
    {
        var query = from registration in db.UnitRegistrations.AsNoTracking()
                    join campaign in db.Campaigns.AsNoTracking() on registration.CampaignId equals campaign.Id
                    join instance in db.WorkflowInstances.AsNoTracking() on registration.Id equals instance.SubjectId
                    where instance.SubjectType == UnitRegistrationWorkflow.SubjectType
                    select new { registration, campaign.Year, instance.State, instance.DefinitionId, instance.DefinitionVersion };
        if (request.Year is { } year)
        {
            query = query.Where(r => r.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(request.State))
        {
            query = query.Where(r => r.State == request.State);
        }

        var rows = await query.OrderByDescending(r => r.Year).ThenBy(r => r.registration.Number).ToListAsync(cancellationToken);
        return rows.Select(r => new RegistrationListItem(
                r.registration.Id,
                r.registration.Number,
                r.Year,
                r.registration.UnitName,
                UnifiedSocialCreditCode.Mask(r.registration.CreditCode),
                UnitNatures.DisplayName(r.registration.Nature),
                r.registration.Region,
                r.registration.AuditorName,
                MobileNumber.Mask(r.registration.AuditorMobile),
                r.State,
                definitions.Get(r.DefinitionId, r.DefinitionVersion).StateDisplayName(r.State),
                r.registration.SubmittedAt))
            .ToList();
    }
}

internal sealed class GetRegistrationHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IWorkflowEngine engine)
    : IHandler<GetRegistration, RegistrationDetail>
{
    public async Task<RegistrationDetail> HandleAsync(GetRegistration request, CancellationToken cancellationToken = default)
    {
        var registration = await db.UnitRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.RegistrationId, cancellationToken);
        var mayRead = registration is not null
            && (request.Actor.ReadsAsOffice
                || (request.Actor.Roles.Contains(Roles.Auditor) && request.Actor.UnitId is { } unit && registration.UnitId == unit));
        if (!mayRead)
        {
            throw new NotFoundException("该单位报送");
        }

        return await RegistrationDetails.LoadAsync(db, definitions, engine, registration!, request.Actor, cancellationToken);
    }
}

internal sealed class FindRegistrationHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IWorkflowEngine engine)
    : IHandler<FindRegistration, RegistrationDetail>
{
    public async Task<RegistrationDetail> HandleAsync(FindRegistration request, CancellationToken cancellationToken = default)
    {
        var registration = await RegistrationByToken.FindAsync(db, request.AccessToken, cancellationToken);
        return await RegistrationDetails.LoadAsync(db, definitions, engine, registration, WorkflowActor.Clock with { Roles = [] }, cancellationToken);
    }
}

internal sealed class GetRegistrationStatusHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IWorkflowEngine engine)
    : IHandler<GetRegistrationStatus, RegistrationStatus>
{
    public async Task<RegistrationStatus> HandleAsync(GetRegistrationStatus request, CancellationToken cancellationToken = default)
    {
        var registration = await RegistrationByToken.FindAsync(db, request.AccessToken, cancellationToken);
        var detail = await RegistrationDetails.LoadAsync(db, definitions, engine, registration, WorkflowActor.Clock with { Roles = [] }, cancellationToken);
        return new RegistrationStatus(
            detail.Number,
            detail.Year,
            detail.Details.UnitName,
            detail.StateName,
            detail.SubmittedAt,
            detail.Details.AuditorName,
            MobileNumber.Mask(detail.Details.AuditorMobile),
            detail.Details.AuditorEmail is { } email ? EmailAddress.Mask(email) : null,
            detail.Details.FillerName,
            detail.Inbox.Select(m => m with { Link = null }).ToList());
    }
}

internal static class RegistrationByToken
{
    public static async Task<UnitRegistration> FindAsync(IApplicationDbContext db, string? accessToken, CancellationToken cancellationToken)
    {
        var hash = RegistrationAccessToken.Hash(accessToken);
        var registration = hash is null
            ? null
            : await db.UnitRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.AccessTokenHash == hash, cancellationToken);
        return registration ?? throw new NotFoundException("与该查询码相符的报送");
    }
}

internal static class RegistrationDetails
{
    public static async Task<RegistrationDetail> LoadAsync(
        IApplicationDbContext db,
        IWorkflowDefinitions definitions,
        IWorkflowEngine engine,
        UnitRegistration registration,
        WorkflowActor actor,
        CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.AsNoTracking()
            .SingleAsync(i => i.SubjectType == UnitRegistrationWorkflow.SubjectType && i.SubjectId == registration.Id, cancellationToken);
        var year = await db.Campaigns.Where(c => c.Id == registration.CampaignId).Select(c => c.Year).SingleAsync(cancellationToken);
        var inbox = await db.InboxMessages.AsNoTracking()
            .Where(m => m.RegistrationId == registration.Id)
            .OrderByDescending(m => m.Id)
            .Select(m => new InboxItem(m.Title, m.Body, m.Link, m.CreatedAt))
            .ToListAsync(cancellationToken);
        var permitted = actor.Roles.Count == 0 ? [] : await engine.PermittedTriggersAsync(instance.Id, actor, cancellationToken);
        return new RegistrationDetail(
            registration.Id,
            registration.Number,
            registration.CampaignId,
            year,
            registration.Details,
            UnitNatures.DisplayName(registration.Nature),
            registration.SubmittedAt,
            registration.UnitId,
            registration.AuditorUserId,
            instance.Id,
            instance.State,
            definitions.Get(instance.DefinitionId, instance.DefinitionVersion).StateDisplayName(instance.State),
            instance.ConcurrencyToken,
            inbox,
            permitted)
        {
            Capabilities = definitions.Get(instance.DefinitionId, instance.DefinitionVersion).State(instance.State).Capabilities,
        };
    }
}
