using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Intake;

/// <summary>
/// A unit's paper delivery in one campaign (the notice, 二(三): the unit brings all its applicants'
/// paper dossiers to the office together, one envelope per person). The office opens it at the
/// counter for a unit; every application the unit submitted to the office in that campaign is
/// expected, and each envelope is checked in against the person's checklist.
/// </summary>
public sealed class PaperDelivery : Entity
{
    public const int MaxNameLength = 100;

    private readonly List<EnvelopeCheckIn> _envelopes = [];

    private PaperDelivery()
    {
        OpenedBy = string.Empty;
        OpenedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid UnitId { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public string OpenedBy { get; private set; }

    public string OpenedByName { get; private set; }

    /// <summary>When an envelope was last checked in or corrected: a receipt older than this is superseded.</summary>
    public DateTimeOffset? LastCheckInAt { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    public IReadOnlyList<EnvelopeCheckIn> Envelopes => _envelopes;

    /// <param name="unitId">The unit delivering; null when the one asking to deliver is not a unit (an individual).</param>
    /// <param name="submittedApplications">How many of the unit's applications in the campaign were submitted to the office.</param>
    public static PaperDelivery Open(Guid campaignId, Guid? unitId, int submittedApplications, DeliveryWindow window, DateTimeOffset? exceptionUntil, DateTimeOffset now, string by, string byName)
    {
        CheckRule(new OnlyAUnitDeliversRule(unitId));
        CheckRule(new DeliveryExpectsSubmittedApplicationsRule(submittedApplications));
        CheckRule(new CheckInNeedsTheWindowOrAnExceptionRule(window, exceptionUntil, now));
        return new PaperDelivery
        {
            Id = Guid.NewGuid(),
            CampaignId = campaignId,
            UnitId = unitId!.Value,
            OpenedAt = now,
            OpenedBy = by,
            OpenedByName = byName,
            ConcurrencyToken = Guid.NewGuid(),
        };
    }

    public EnvelopeCheckIn? EnvelopeOf(Guid applicationId) => _envelopes.FirstOrDefault(e => e.ApplicationId == applicationId);

    /// <summary>
    /// Checks in (or corrects) one person's envelope: each checklist item received, missing or
    /// wrong, with a note. The envelope must be one this delivery expects.
    /// </summary>
    public EnvelopeCheckIn CheckIn(ExpectedEnvelope envelope, IReadOnlyList<CheckedItem> items, IReadOnlyList<int> checklist, DeliveryWindow window, DateTimeOffset? exceptionUntil, DateTimeOffset now, string by, string byName)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        CheckRule(new EnvelopeBelongsToTheDeliveryRule(envelope, CampaignId, UnitId));
        CheckRule(new CheckInNeedsTheWindowOrAnExceptionRule(window, exceptionUntil, now));
        CheckRule(new EveryChecklistItemIsCheckedRule(checklist, items));
        CheckRule(new AMissingOrWrongItemCarriesANoteRule(items));

        var checkIn = EnvelopeOf(envelope.ApplicationId);
        if (checkIn is null)
        {
            checkIn = EnvelopeCheckIn.Record(Id, envelope.ApplicationId, items, now, by, byName);
            _envelopes.Add(checkIn);
        }
        else
        {
            checkIn.Correct(items, now, by, byName);
        }

        LastCheckInAt = now;
        ConcurrencyToken = Guid.NewGuid();
        return checkIn;
    }
}

/// <summary>The campaign's paper-delivery window (from the campaign's stage of that name).</summary>
public sealed record DeliveryWindow(string Name, DateTimeOffset OpensAt, DateTimeOffset ClosesAt)
{
    public bool IsOpenAt(DateTimeOffset instant) => instant >= OpensAt && instant < ClosesAt;

    public bool HasClosedAt(DateTimeOffset instant) => instant >= ClosesAt;
}

/// <summary>An envelope as the office finds it: whose application, in which campaign and unit.</summary>
public sealed record ExpectedEnvelope(Guid ApplicationId, string ApplicantName, Guid CampaignId, int Year, Guid UnitId, string UnitName);
