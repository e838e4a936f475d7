using System.Text.RegularExpressions;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Campaigns;

/// <summary>
/// The rules the office's details keep, each a named check that yields its problems keyed by the
/// form's field (<c>contacts[1].phone</c>), so a form shows each beside its field and a timeline
/// file names the entry.
/// </summary>
public static partial class OfficeDetailsRules
{
    public const int MaxAddressLength = 200;
    public const int MaxRoomLength = 50;
    public const int MaxNameLength = 64;
    public const int MaxTopicLength = 32;
    public const int MaxPhoneLength = 32;
    public const int MaxBankNameLength = 100;
    public const int MaxRemarkLength = 50;
    public const int MaxContacts = 10;

    /// <summary>Room for a grouped account number and its sub-account suffix.</summary>
    public const int MaxAccountNumberLength = 48;

    /// <summary>A bank branch's number in the payment system (联行号) has 12 digits.</summary>
    public const int BranchNumberLength = 12;

    /// <summary>A taxpayer number is the 18-character unified social credit code, or an older 15- or 20-character number.</summary>
    public const int MaxTaxpayerNumberLength = 20;

    public const int MaxQqGroupLength = 12;

    /// <summary>Each field with its Chinese name, in the order the office's form shows them.</summary>
    public static readonly IReadOnlyList<(string Field, string Label, Func<OfficeDetailsDraft, string?> Value)> Labels =
    [
        ("deliveryAddress", "纸质材料报送地址", d => d.DeliveryAddress),
        ("deliveryRoom", "报送房间", d => d.DeliveryRoom),
        ("contacts", "联系人", d => string.Join("；", d.Contacts.Select(c => $"{c.Topic} {c.Name} {c.Phone}"))),
        ("qqGroup", "审核人QQ群", d => d.QqGroup),
        ("mailAddress", "缴费凭证邮寄地址", d => d.MailAddress),
        ("mailRecipient", "收件人", d => d.MailRecipient),
        ("mailPhone", "收件人电话", d => d.MailPhone),
        ("payeeName", "收款单位名称", d => d.PayeeName),
        ("accountNumber", "账号", d => d.AccountNumber),
        ("bankName", "开户行", d => d.BankName),
        ("branchNumber", "行号", d => d.BranchNumber),
        ("taxpayerNumber", "纳税人识别号", d => d.TaxpayerNumber),
        ("transferRemark", "转账附言", d => d.TransferRemark),
    ];

    /// <summary>Every problem of the draft as typed: it is normalized first, as <see cref="OfficeDetails.Create"/> does.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(OfficeDetailsDraft draft)
    {
        var normalized = Normalize(draft);
        return
        [
            .. RequiredFieldsAreFilled(normalized),
            .. TextsFitTheirLengths(normalized),
            .. EachContactHasNamePhoneAndTopic(normalized),
            .. PhonesAreMobileOrLandline(normalized),
            .. QqGroupIsANumber(normalized),
            .. AccountNumberIsWrittenAsBanksWriteIt(normalized),
            .. BranchNumberHasTwelveDigits(normalized),
            .. TaxpayerNumberIsACode(normalized),
        ];
    }

    /// <summary>Trimmed, blank contact rows dropped, the taxpayer number in capitals and the remark defaulted.</summary>
    public static OfficeDetailsDraft Normalize(OfficeDetailsDraft draft) => new(
        Trim(draft.DeliveryAddress),
        Trim(draft.DeliveryRoom),
        draft.Contacts.Where(c => !c.IsBlank).Select(c => new OfficeContactDraft(Trim(c.Name), Trim(c.Phone), Trim(c.Topic))).ToList(),
        Trim(draft.QqGroup),
        Trim(draft.MailAddress),
        Trim(draft.MailRecipient),
        Trim(draft.MailPhone),
        Trim(draft.PayeeName),
        Trim(draft.AccountNumber),
        Trim(draft.BankName),
        Trim(draft.BranchNumber),
        Trim(draft.TaxpayerNumber)?.ToUpperInvariant(),
        Trim(draft.TransferRemark) ?? OfficeDetails.DefaultTransferRemark);

    /// <summary>Units cannot deliver, call or pay without these: everything but the QQ group is required, and at least one contact.</summary>
    public static IEnumerable<(string Field, string Message)> RequiredFieldsAreFilled(OfficeDetailsDraft d)
    {
        foreach (var (field, label, value) in Labels.Where(l => l.Field is not ("qqGroup" or "contacts" or "transferRemark")))
        {
            if (value(d) is null)
            {
                yield return (field, $"请填写{label}。");
            }
        }

        if (d.Contacts.Count == 0)
        {
            yield return ("contacts", "请至少填写一位联系人。");
        }
    }

    /// <summary>Each text fits what the pages and the printed sheet hold.</summary>
    public static IEnumerable<(string Field, string Message)> TextsFitTheirLengths(OfficeDetailsDraft d)
    {
        (string Field, string Label, string? Value, int Max)[] texts =
        [
            ("deliveryAddress", "纸质材料报送地址", d.DeliveryAddress, MaxAddressLength),
            ("deliveryRoom", "报送房间", d.DeliveryRoom, MaxRoomLength),
            ("mailAddress", "缴费凭证邮寄地址", d.MailAddress, MaxAddressLength),
            ("mailRecipient", "收件人", d.MailRecipient, MaxNameLength),
            ("payeeName", "收款单位名称", d.PayeeName, MaxBankNameLength),
            ("bankName", "开户行", d.BankName, MaxBankNameLength),
            ("transferRemark", "转账附言", d.TransferRemark, MaxRemarkLength),
        ];
        foreach (var (field, label, value, max) in texts)
        {
            if (value is not null && value.Length > max)
            {
                yield return (field, $"{label}不能超过 {max} 个字。");
            }
        }

        if (d.Contacts.Count > MaxContacts)
        {
            yield return ("contacts", $"联系人不能超过 {MaxContacts} 位。");
        }
    }

    /// <summary>A contact row that is filled at all says who, at which number, for what.</summary>
    public static IEnumerable<(string Field, string Message)> EachContactHasNamePhoneAndTopic(OfficeDetailsDraft d)
    {
        for (var i = 0; i < d.Contacts.Count; i++)
        {
            var c = d.Contacts[i];
            var row = $"第 {i + 1} 位联系人";
            if (c.Name is null)
            {
                yield return ($"contacts[{i}].name", $"请填写{row}的称呼（如 金老师）。");
            }
            else if (c.Name.Length > MaxNameLength)
            {
                yield return ($"contacts[{i}].name", $"{row}的称呼不能超过 {MaxNameLength} 个字。");
            }

            if (c.Phone is null)
            {
                yield return ($"contacts[{i}].phone", $"请填写{row}的电话。");
            }

            if (c.Topic is null)
            {
                yield return ($"contacts[{i}].topic", $"请填写{row}负责咨询的事项（如 系统操作咨询）。");
            }
            else if (c.Topic.Length > MaxTopicLength)
            {
                yield return ($"contacts[{i}].topic", $"{row}的咨询事项不能超过 {MaxTopicLength} 个字。");
            }
        }
    }

    /// <summary>Every number units are told to call is a mainland mobile or a landline with its area code.</summary>
    public static IEnumerable<(string Field, string Message)> PhonesAreMobileOrLandline(OfficeDetailsDraft d)
    {
        for (var i = 0; i < d.Contacts.Count; i++)
        {
            if (d.Contacts[i].Phone is { } phone && !IsPhone(phone))
            {
                yield return ($"contacts[{i}].phone", $"第 {i + 1} 位联系人的电话“{phone}”应为手机号或带区号的座机号码（如 0851-85893109）。");
            }
        }

        if (d.MailPhone is { } mailPhone && !IsPhone(mailPhone))
        {
            yield return ("mailPhone", $"收件人电话“{mailPhone}”应为手机号或带区号的座机号码（如 0851-85893109）。");
        }
    }

    /// <summary>A QQ group number is 5 to 12 digits, not starting with 0.</summary>
    public static IEnumerable<(string Field, string Message)> QqGroupIsANumber(OfficeDetailsDraft d)
    {
        if (d.QqGroup is { } qq && !QqPattern().IsMatch(qq))
        {
            yield return ("qqGroup", "QQ群号应为 5 到 12 位数字，且不以 0 开头。");
        }
    }

    /// <summary>
    /// An account number is digits, grouped by single spaces if the bank prints it so, with at most
    /// one sub-account suffix after a dash (the notice: 2402009709008830707—000000001). It is kept
    /// exactly as written: units copy it into their bank's form.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> AccountNumberIsWrittenAsBanksWriteIt(OfficeDetailsDraft d)
    {
        if (d.AccountNumber is not { } account)
        {
            yield break;
        }

        var digits = account.Count(char.IsAsciiDigit);
        if (account.Length > MaxAccountNumberLength || !AccountPattern().IsMatch(account) || digits is < 8 or > 40)
        {
            yield return ("accountNumber", "账号应为 8 至 40 位数字，可用空格分组，子账户序号写在“—”之后（如 2402009709008830707—000000001）。");
        }
    }

    /// <summary>行号 is the branch's 12-digit number in the payment system.</summary>
    public static IEnumerable<(string Field, string Message)> BranchNumberHasTwelveDigits(OfficeDetailsDraft d)
    {
        if (d.BranchNumber is { } branch && (branch.Length != BranchNumberLength || !branch.All(char.IsAsciiDigit)))
        {
            yield return ("branchNumber", $"行号应为 {BranchNumberLength} 位数字（如 102701000336）。");
        }
    }

    /// <summary>纳税人识别号 is 15, 18 or 20 digits and capital letters (today the 18-character unified social credit code).</summary>
    public static IEnumerable<(string Field, string Message)> TaxpayerNumberIsACode(OfficeDetailsDraft d)
    {
        if (d.TaxpayerNumber is { } number && !TaxpayerPattern().IsMatch(number))
        {
            yield return ("taxpayerNumber", "纳税人识别号应为 15、18 或 20 位数字和大写字母（如 11520000009390068R）。");
        }
    }

    private static bool IsPhone(string phone) =>
        phone.Length <= MaxPhoneLength && (MobileNumber.Validate(phone).IsValid || LandlinePattern().IsMatch(phone));

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")]
    private static partial Regex LandlinePattern();

    [GeneratedRegex(@"^[1-9]\d{4,11}$")]
    private static partial Regex QqPattern();

    [GeneratedRegex(@"^\d+( \d+)*( ?[—–-] ?\d+)?$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^([0-9A-Z]{15}|[0-9A-Z]{18}|[0-9A-Z]{20})$")]
    private static partial Regex TaxpayerPattern();
}

/// <summary>The office's details keep every rule of <see cref="OfficeDetailsRules"/>; the message lists every problem.</summary>
public sealed class OfficeDetailsKeepTheirRulesRule(OfficeDetailsDraft draft) : IBusinessRule
{
    private readonly IReadOnlyList<(string Field, string Message)> _problems = OfficeDetailsRules.Check(draft);

    public bool IsBroken() => _problems.Count > 0;

    public string Message => string.Join(" ", _problems.Select(p => p.Message));
}
