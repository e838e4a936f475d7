using TitleReview.Domain.Fees;
using TitleReview.Domain.Tests.Common;

namespace TitleReview.Domain.Tests.Fees;

public class StatementMatchingTests
{
    private static readonly Guid Qiannan = Guid.NewGuid();
    private static readonly Guid Transport = Guid.NewGuid();
    private static readonly DateOnly Day = new(2023, 9, 12);

    [Test]
    public void Match_AmountAndRecordedPayerOfOneUnit_MatchesThatUnit()
    {
        var candidates = new[] { Candidate(Qiannan, "黔南能源集团有限公司", ["王 敏"], 900m), Candidate(Transport, "贵州省交通运输集团", ["刘洋"], 900m) };

        var matches = StatementMatcher.Match([Line(2, "王敏", 900m)], candidates);

        matches.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = StatementMatchKind.Matched, Candidates = new[] { Qiannan } });
    }

    [Test]
    public void Match_PayerIsTheUnitsOwnName_MatchesEvenIfItRecordedAnotherAccountName()
    {
        var matches = StatementMatcher.Match([Line(2, "黔南能源集团有限公司", 900m)], [Candidate(Qiannan, "黔南能源集团有限公司", ["王敏"], 900m)]);

        matches.Single().Kind.Should().Be(StatementMatchKind.Matched);
    }

    [Test]
    public void Match_TwoUnitsRecordedTheSamePayerAndAmount_LeavesTheRowForTheOffice()
    {
        var candidates = new[] { Candidate(Qiannan, "黔南能源集团有限公司", ["张三"], 600m), Candidate(Transport, "贵州省交通运输集团", ["张三"], 600m) };

        var match = StatementMatcher.Match([Line(2, "张三", 600m)], candidates).Single();

        match.Kind.Should().Be(StatementMatchKind.Ambiguous);
        match.Candidates.Should().BeEquivalentTo([Qiannan, Transport]);
    }

    [TestCase("王敏", 901)]
    [TestCase("李四", 900)]
    public void Match_NoUnitRecordedThatPayerAndAmount_ListsTheRowUnmatched(string payer, decimal amount)
    {
        var match = StatementMatcher.Match([Line(2, payer, amount)], [Candidate(Qiannan, "黔南能源集团有限公司", ["王敏"], 900m)]).Single();

        match.Kind.Should().Be(StatementMatchKind.Unmatched);
        match.Candidates.Should().BeEmpty();
    }

    [Test]
    public void Match_TwoEqualRowsForOneRecordedTransfer_MatchesOnlyTheFirst()
    {
        var matches = StatementMatcher.Match([Line(2, "王敏", 900m), Line(3, "王敏", 900m)], [Candidate(Qiannan, "黔南能源集团有限公司", ["王敏"], 900m)]);

        matches.Select(m => m.Kind).Should().Equal(StatementMatchKind.Matched, StatementMatchKind.Unmatched);
    }

    [Test]
    public void Fingerprints_TheSameStatementTwice_AreTheSame_AndTwoEqualRowsDiffer()
    {
        StatementLine[] file = [Line(2, "王敏", 900m), Line(3, "王敏", 900m), Line(4, "刘洋", 300m)];
        StatementLine[] again = [Line(5, " 王 敏", 900m), Line(6, "王敏", 900m), Line(7, "刘洋", 300m)];

        var first = StatementLine.Fingerprints(file);

        first.Should().OnlyHaveUniqueItems();
        StatementLine.Fingerprints(again).Should().Equal(first, "the row number in the file and spaces in names are not part of the payment");
    }

    [Test]
    public void Count_ARowAlreadyCounted_IsRefusedAndCountsNothingMore()
    {
        var payment = UnitPayment.Start(Guid.NewGuid(), Guid.NewGuid(), Qiannan, "黔南能源集团有限公司", DateTimeOffset.UnixEpoch);
        var other = UnitPayment.Start(Guid.NewGuid(), payment.CampaignId, Transport, "贵州省交通运输集团", DateTimeOffset.UnixEpoch);
        var row = StatementRow.Import(payment.CampaignId, Line(2, "王敏", 900m), "f", "office", DateTimeOffset.UnixEpoch);
        payment.Count(row, 900m, null, DateTimeOffset.UnixEpoch).Should().Be(PaymentOutcome.Paid);

        RuleAssert.Breaks<StatementRowUsedOnceRule>(() => payment.Count(row, 900m, null, DateTimeOffset.UnixEpoch));
        RuleAssert.Breaks<StatementRowUsedOnceRule>(() => other.Count(row, 900m, null, DateTimeOffset.UnixEpoch));

        payment.ReceivedAmount.Should().Be(900m);
        other.ReceivedAmount.Should().Be(0m);
        row.UnitPaymentId.Should().Be(payment.Id);
    }

    [Test]
    public void Count_LessThenMoreThanDue_FindsShortThenOverpaid()
    {
        var payment = UnitPayment.Start(Guid.NewGuid(), Guid.NewGuid(), Qiannan, "黔南能源集团有限公司", DateTimeOffset.UnixEpoch);

        payment.Count(StatementRow.Import(payment.CampaignId, Line(2, "王敏", 600m), "a", "office", DateTimeOffset.UnixEpoch), 900m, null, DateTimeOffset.UnixEpoch).Should().Be(PaymentOutcome.Short);
        payment.OutcomeNote.Should().Contain("少缴 300.00 元");
        payment.Count(StatementRow.Import(payment.CampaignId, Line(3, "王敏", 400m), "b", "office", DateTimeOffset.UnixEpoch), 900m, null, DateTimeOffset.UnixEpoch).Should().Be(PaymentOutcome.Overpaid);
        payment.ReceivedAmount.Should().Be(1000m);
    }

    [Test]
    public void Ignore_WithoutANote_IsRefused()
    {
        var row = StatementRow.Import(Guid.NewGuid(), Line(2, "王敏", 900m), "f", "office", DateTimeOffset.UnixEpoch);

        RuleAssert.Breaks<IgnoredRowHasANoteRule>(() => row.Ignore(" ", DateTimeOffset.UnixEpoch));
        row.Decision.Should().Be(StatementRowDecision.Pending);
    }

    [Test]
    public void Reconcile_ShortWithoutANote_IsRefused()
    {
        var payment = UnitPayment.Start(Guid.NewGuid(), Guid.NewGuid(), Qiannan, "黔南能源集团有限公司", DateTimeOffset.UnixEpoch);

        RuleAssert.Breaks<OutcomeOtherThanPaidHasANoteRule>(() => payment.Reconcile(PaymentOutcome.Short, 300m, null, DateTimeOffset.UnixEpoch));
        RuleAssert.Breaks<MoneyAmountInRangeRule>(() => payment.Reconcile(PaymentOutcome.Paid, 300.001m, null, DateTimeOffset.UnixEpoch));
        payment.Outcome.Should().BeNull();
    }

    private static StatementLine Line(int number, string payer, decimal amount) => new(number, Day, payer, amount, "政工系列评审费");

    private static PaymentCandidate Candidate(Guid id, string unitName, string[] payers, params decimal[] amounts) => new(id, unitName, payers, amounts);
}
