using TitleReview.Application.Notifications;
using TitleReview.Domain.Time;
using TitleReview.Domain.Units;

namespace TitleReview.Application.Units;

/// <summary>
/// The secrets a unit's people receive, and only through their own e-mail and mobile: the
/// filler gets the registration's access token, the auditor the activation link.
/// </summary>
internal static class UnitMessages
{
    public const string StatusPage = "/Units/Status";

    public static IReadOnlyList<string> SendAccessToken(IMessageOutbox outbox, ISiteLinks links, UnitRegistration registration, string accessToken, string purpose) =>
        outbox.Enqueue(
            new MessageRecipient(registration.FillerName, registration.FillerEmail, registration.FillerPhone),
            new OutgoingMessage(
                purpose,
                $"单位报送查询码（报送编号 {registration.Number}）",
                $"“{registration.UnitName}”报送审核人信息的查询码为 {accessToken}（报送编号 {registration.Number}）。凭查询码可在 {links.Absolute(StatusPage)} 查询审核进度、打印基本情况表。请妥善保管，勿转告他人。",
                ContainsSecret: true));

    /// <summary>The auditor's activation link, or (for an account already active) a note that it can sign in.</summary>
    public static IReadOnlyList<string> SendActivation(IMessageOutbox outbox, ISiteLinks links, string unitName, string name, string? email, string mobile, ProvisionedAccount account)
    {
        var to = new MessageRecipient(name, email, mobile);
        if (account.ActivationPath.Length == 0)
        {
            return outbox.Enqueue(to, new OutgoingMessage(
                "审核人账号",
                "审核人账号已可使用",
                $"{name}：您已确定为“{unitName}”的审核人，账号 {account.UserName} 已激活，请登录 {links.Absolute("/Account/Login")} 核准本单位信息。"));
        }

        return outbox.Enqueue(to, new OutgoingMessage(
            "激活账号",
            "请激活审核人账号",
            $"{name}：您已确定为“{unitName}”的审核人，账号为 {account.UserName}。请于 {BeijingTime.Format(account.ExpiresAt)}（北京时间）前打开 {links.Absolute(account.ActivationPath)} 设置密码激活账号。链接仅限本人使用一次，请勿转发。",
            ContainsSecret: true));
    }

    /// <summary>How the unit's inbox says where the link went, without the link.</summary>
    public static string Destinations(IReadOnlyList<string> sentTo) =>
        sentTo.Count == 0 ? "（审核人未留手机或邮箱，请联系省政工职评办）" : string.Join("、", sentTo);
}
