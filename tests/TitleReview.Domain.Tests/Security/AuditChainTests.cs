using TitleReview.Domain.Common;
using TitleReview.Domain.Security;

namespace TitleReview.Domain.Tests.Security;

public class AuditChainTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);

    private static List<AuditEntry> Chain(int count)
    {
        var rows = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var entry = AuditEntry.Create(new AuditFacts
            {
                OccurredAt = At.AddMinutes(i),
                Actor = "office",
                ActorName = "王芳",
                Role = "省政工职评办",
                Operation = "PassPreliminary",
                OperationName = "初审通过",
                SubjectKind = "申报",
                SubjectId = $"id-{i}",
                SubjectPerson = "李华",
                RemoteAddress = "10.0.0.8",
                Detail = $"第 {i} 件",
            });
            entry.Seal(i, previous);
            previous = entry.ContentHash;
            rows.Add(entry);
        }

        return rows;
    }

    private static AuditEntry Copy(AuditEntry e, Func<AuditFacts, AuditFacts>? change = null, long? sequence = null, string? previous = null, string? hash = null) =>
        AuditEntry.Restore((change ?? (f => f))(e.ToFacts()), sequence ?? e.Sequence, previous ?? e.PreviousHash, hash ?? e.ContentHash);

    [Test]
    public void Canonical_WritesEveryFieldWithItsLength_AndTheTimeAsUtcTicks()
    {
        var entry = Chain(1)[0];

        var canonical = AuditChain.Canonical(entry);

        canonical.Should().StartWith("sequence=1:1\n")
            .And.Contain($"occurredAt=18:{At.AddMinutes(1).UtcTicks}\n")
            .And.Contain("subjectPerson=2:李华\n")
            .And.Contain("userId=-\n")
            .And.EndWith("previousHash=0:\n");
        entry.ContentHash.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Test]
    public void Hash_WhenAnyFieldChanges_Changes()
    {
        var entry = Chain(1)[0];

        AuditChain.Hash(Copy(entry, f => f with { Detail = "第 2 件" })).Should().NotBe(entry.ContentHash);
        AuditChain.Hash(Copy(entry, f => f with { Succeeded = false })).Should().NotBe(entry.ContentHash);
        AuditChain.Hash(Copy(entry, f => f with { OccurredAt = f.OccurredAt.AddTicks(1) })).Should().NotBe(entry.ContentHash);
        AuditChain.Hash(Copy(entry, previous: "x")).Should().NotBe(entry.ContentHash);
        AuditChain.Hash(Copy(entry)).Should().Be(entry.ContentHash);
    }

    [Test]
    public void Hash_NullAndEmptyAndShiftedValues_AreDifferent()
    {
        var entry = Chain(1)[0];

        // "ab" + "" and "a" + "b" in two neighbouring fields must not read the same.
        var one = AuditChain.Hash(Copy(entry, f => f with { Role = "ab", Unit = null }));
        var two = AuditChain.Hash(Copy(entry, f => f with { Role = "a", Unit = "b" }));
        var three = AuditChain.Hash(Copy(entry, f => f with { Role = "ab", Unit = string.Empty }));

        new[] { one, two, three }.Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void Seal_Twice_IsRefused()
    {
        var entry = Chain(1)[0];

        var again = () => entry.Seal(2, "x");

        again.Should().Throw<InvalidOperationException>();
    }

    [Test]
    public void Verifier_OnAnIntactChain_Passes()
    {
        var verifier = new AuditChainVerifier();

        Chain(5).ForEach(e => verifier.Check(e).Should().BeTrue());

        verifier.Finish(5, verifier.LastHash).Should().BeTrue();
        verifier.RowsChecked.Should().Be(5);
    }

    [Test]
    public void Verifier_WhenARowWasEdited_NamesIt()
    {
        var rows = Chain(5);
        rows[2] = Copy(rows[2], f => f with { Detail = "改过" });
        var verifier = new AuditChainVerifier();

        rows.ForEach(e => verifier.Check(e));

        verifier.Break!.Sequence.Should().Be(3);
        verifier.Break.Message.Should().Contain("第 3 条").And.Contain("被改动");
    }

    [Test]
    public void Verifier_WhenARowWasEditedAndItsHashRecomputed_NamesTheBrokenLink()
    {
        var rows = Chain(5);
        var edited = Copy(rows[2], f => f with { Detail = "改过" }, hash: string.Empty);
        rows[2] = Copy(edited, hash: AuditChain.Hash(edited));
        var verifier = new AuditChainVerifier();

        rows.ForEach(e => verifier.Check(e));

        verifier.Break!.Sequence.Should().Be(4);
        verifier.Break.Problem.Should().Contain("第 3 条");
    }

    [Test]
    public void Verifier_WhenARowWasDeleted_NamesTheGap()
    {
        var rows = Chain(5);
        rows.RemoveAt(1);
        var verifier = new AuditChainVerifier();

        rows.ForEach(e => verifier.Check(e));

        verifier.Break!.Sequence.Should().Be(2);
        verifier.Break.Problem.Should().Contain("缺失");
    }

    [Test]
    public void Verifier_WhenTheLastRowWasDeleted_FinishNamesIt()
    {
        var rows = Chain(5);
        var head = rows[^1];
        rows.RemoveAt(4);
        var verifier = new AuditChainVerifier();
        rows.ForEach(e => verifier.Check(e));

        verifier.Finish(head.Sequence, head.ContentHash).Should().BeFalse();

        verifier.Break!.Sequence.Should().Be(5);
    }

    [Test]
    public void Verifier_FromACheckpoint_StartsAfterIt()
    {
        var rows = Chain(5);
        var verifier = new AuditChainVerifier(2, rows[1].ContentHash);

        rows.Skip(2).ToList().ForEach(e => verifier.Check(e).Should().BeTrue());

        verifier.Finish(5, rows[^1].ContentHash).Should().BeTrue();
    }

    [Test]
    public void ArchiveRule_ForRowsYoungerThan180Days_IsBroken()
    {
        var now = At;

        new AuditRowsMustBeOldEnoughToArchive(now.AddDays(-179), now).IsBroken().Should().BeTrue();
        new AuditRowsMustBeOldEnoughToArchive(now.AddDays(-180), now).IsBroken().Should().BeFalse();
        new AuditRowsMustBeOldEnoughToArchive(now.AddDays(-179), now).Message.Should().Contain("180 天");
        ((IBusinessRule)new AuditRowsMustBeOldEnoughToArchive(now, now)).IsBroken().Should().BeTrue();
    }
}
