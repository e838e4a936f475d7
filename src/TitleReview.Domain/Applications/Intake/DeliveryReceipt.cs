using TitleReview.Domain.Applications.Documents;

namespace TitleReview.Domain.Applications.Intake;

/// <summary>
/// 接收回执: the office's receipt for a unit's delivery, with its own number and verification
/// code. It stands for the check-ins as they were when it was issued; a later check-in or
/// correction supersedes it and the next print issues a new one.
/// </summary>
public sealed class DeliveryReceipt
{
    private DeliveryReceipt()
    {
        Number = string.Empty;
        VerificationCode = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid DeliveryId { get; private set; }

    public string Number { get; private set; }

    /// <summary>From the same alphabet as the generated papers' codes, so /Verify reads both.</summary>
    public string VerificationCode { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset? SupersededAt { get; private set; }

    public int Expected { get; private set; }

    public int Received { get; private set; }

    public int Incomplete { get; private set; }

    public bool IsCurrent => SupersededAt is null;

    /// <summary>Whether it still tells the delivery as it stands.</summary>
    public bool Covers(PaperDelivery delivery) => IsCurrent && (delivery.LastCheckInAt is not { } last || last <= IssuedAt);

    public static DeliveryReceipt Issue(PaperDelivery delivery, int expected, string number, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new DeliveryReceipt
        {
            Id = Guid.NewGuid(),
            DeliveryId = delivery.Id,
            Number = number,
            VerificationCode = GeneratedDocument.NewCode(),
            IssuedAt = now,
            Expected = expected,
            Received = delivery.Envelopes.Count(e => e.IsComplete),
            Incomplete = delivery.Envelopes.Count(e => !e.IsComplete),
        };
    }

    public void Supersede(DateTimeOffset now) => SupersededAt ??= now;
}
