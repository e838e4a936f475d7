using TitleReview.Domain.Security;

namespace TitleReview.Domain.Tests.Security;

public class AuditEntryTests
{
    [Test]
    public void Record_StoresInstantInUtc()
    {
        var beijing = new DateTimeOffset(2023, 8, 1, 9, 0, 0, TimeSpan.FromHours(8));

        var entry = AuditEntry.Record(beijing, "applicant1", "u1", AuditAction.LoginSucceeded, true, "10.0.0.1");

        entry.OccurredAt.Offset.Should().Be(TimeSpan.Zero);
        entry.OccurredAt.Should().Be(beijing);
    }

    [Test]
    public void Record_WhenActorIsBlank_RecordsPlaceholder()
    {
        var entry = AuditEntry.Record(DateTimeOffset.UnixEpoch, "  ", null, AuditAction.LoginFailed, false, null);

        entry.Actor.Should().Be("(空)");
    }

    [Test]
    public void Record_WhenActorIsTooLong_TruncatesInsteadOfLosingTheEvent()
    {
        var longName = new string('x', AuditEntry.MaxActorLength + 50);

        var entry = AuditEntry.Record(DateTimeOffset.UnixEpoch, longName, null, AuditAction.LoginFailed, false, null);

        entry.Actor.Should().HaveLength(AuditEntry.MaxActorLength);
    }
}
