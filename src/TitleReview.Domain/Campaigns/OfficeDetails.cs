using TitleReview.Domain.Common;

namespace TitleReview.Domain.Campaigns;

/// <summary>One person units may call, and what they answer (系统操作咨询, 政策咨询).</summary>
public sealed record OfficeContactPerson(string Name, string Phone, string Topic);

/// <summary>
/// What the office publishes for one campaign so units can bring the paper dossiers and pay the
/// review fee (the end of the notice): where to deliver, whom to call, the QQ group, where to mail
/// the voucher copy, the bank account and the transfer remark. A value: it is replaced as a whole,
/// and only <see cref="Create"/> makes one, after every rule of <see cref="OfficeDetailsRules"/>.
/// </summary>
public sealed class OfficeDetails : Entity
{
    public const string DefaultTransferRemark = "政工系列评审费";

    private OfficeDetails(OfficeDetailsDraft normalized)
    {
        DeliveryAddress = normalized.DeliveryAddress!;
        DeliveryRoom = normalized.DeliveryRoom!;
        Contacts = normalized.Contacts.Select(c => new OfficeContactPerson(c.Name!, c.Phone!, c.Topic!)).ToList();
        QqGroup = normalized.QqGroup;
        MailAddress = normalized.MailAddress!;
        MailRecipient = normalized.MailRecipient!;
        MailPhone = normalized.MailPhone!;
        PayeeName = normalized.PayeeName!;
        AccountNumber = normalized.AccountNumber!;
        BankName = normalized.BankName!;
        BranchNumber = normalized.BranchNumber!;
        TaxpayerNumber = normalized.TaxpayerNumber!;
        TransferRemark = normalized.TransferRemark!;
    }

    /// <summary>报送地址: where the units bring the envelopes.</summary>
    public string DeliveryAddress { get; }

    /// <summary>The room at that address (1023室).</summary>
    public string DeliveryRoom { get; }

    public IReadOnlyList<OfficeContactPerson> Contacts { get; }

    /// <summary>The auditors' QQ group; a year may have none.</summary>
    public string? QqGroup { get; }

    /// <summary>邮寄地址 for the copy of the transfer voucher.</summary>
    public string MailAddress { get; }

    public string MailRecipient { get; }

    public string MailPhone { get; }

    /// <summary>单位名称 of the account the fee is paid to.</summary>
    public string PayeeName { get; }

    /// <summary>账号, kept as the bank writes it, sub-account suffix and dash included.</summary>
    public string AccountNumber { get; }

    /// <summary>开户行: bank and branch.</summary>
    public string BankName { get; }

    /// <summary>行号: the branch's 12-digit payment system number.</summary>
    public string BranchNumber { get; }

    /// <summary>纳税人识别号 of the payee.</summary>
    public string TaxpayerNumber { get; }

    /// <summary>What the unit writes on the transfer (注明缴费信息).</summary>
    public string TransferRemark { get; }

    /// <summary>The details, trimmed; the remark defaults to <see cref="DefaultTransferRemark"/> and blank contact rows are dropped.</summary>
    public static OfficeDetails Create(OfficeDetailsDraft draft)
    {
        var normalized = OfficeDetailsRules.Normalize(draft);
        CheckRule(new OfficeDetailsKeepTheirRulesRule(normalized));
        return new OfficeDetails(normalized);
    }

    public OfficeDetailsDraft ToDraft() => new(
        DeliveryAddress,
        DeliveryRoom,
        Contacts.Select(c => new OfficeContactDraft(c.Name, c.Phone, c.Topic)).ToList(),
        QqGroup,
        MailAddress,
        MailRecipient,
        MailPhone,
        PayeeName,
        AccountNumber,
        BankName,
        BranchNumber,
        TaxpayerNumber,
        TransferRemark);

    /// <summary>The Chinese names of the fields that differ from <paramref name="before"/>, for the journal; every field when there was nothing before.</summary>
    public IReadOnlyList<string> ChangedFrom(OfficeDetails? before)
    {
        var now = ToDraft();
        var then = before?.ToDraft();
        return OfficeDetailsRules.Labels
            .Where(l => then is null || !string.Equals(l.Value(now), l.Value(then), StringComparison.Ordinal))
            .Select(l => l.Label)
            .ToList();
    }
}

/// <summary>The details as typed, before the rules: what a form or a timeline file carries.</summary>
public sealed record OfficeContactDraft(string? Name, string? Phone, string? Topic)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Topic);
}

/// <inheritdoc cref="OfficeContactDraft"/>
public sealed record OfficeDetailsDraft(
    string? DeliveryAddress,
    string? DeliveryRoom,
    IReadOnlyList<OfficeContactDraft> Contacts,
    string? QqGroup,
    string? MailAddress,
    string? MailRecipient,
    string? MailPhone,
    string? PayeeName,
    string? AccountNumber,
    string? BankName,
    string? BranchNumber,
    string? TaxpayerNumber,
    string? TransferRemark);
