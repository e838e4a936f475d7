using TitleReview.Application.Notifications;
using TitleReview.Application.Units;

namespace TitleReview.Infrastructure.Identity;

/// <summary>
/// The one-time set-password link an office-made account receives, only through the person's own
/// mobile and e-mail (the outbox), never on a page: staff accounts and expert accounts alike.
/// </summary>
internal static class SetPasswordLinks
{
    public const string Purpose = "设置密码";

    /// <summary>Issues a new link (older ones stop working) and queues it. Returns where it goes, masked.</summary>
    public static async Task<IReadOnlyList<string>> SendAsync(
        IAccountProvisioning provisioning, IMessageOutbox outbox, ISiteLinks links, AppUser user, string actorName, string opening, CancellationToken cancellationToken)
    {
        var link = await provisioning.ReissueActivationAsync(user.Id, actorName, cancellationToken);
        return outbox.Enqueue(
            new MessageRecipient(user.DisplayName, user.Email, user.PhoneNumber),
            new OutgoingMessage(
                Purpose,
                "设置登录密码",
                $"{user.DisplayName}，您好：{opening}，用户名 {user.UserName}。请于 {Domain.Time.BeijingTime.Format(link.ExpiresAt)}（北京时间）前打开以下链接设置登录密码：{links.Absolute(link.ActivationPath)}",
                ContainsSecret: true));
    }
}
