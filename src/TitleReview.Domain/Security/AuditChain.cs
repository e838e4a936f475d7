using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TitleReview.Domain.Security;

/// <summary>
/// The audit trail's hash chain (ADR 0053). A row's content hash is the SHA-256, as lower-case hex,
/// of its canonical form: each stored field in a fixed order, written as <c>name=length:value</c>
/// (length in UTF-16 code units; a null is <c>name=-</c>), one per line (<c>\n</c>), the last line
/// the previous row's hash. Numbers are invariant-culture; the time is its UTC ticks; the action
/// is its enum name; the outcome flag 1 or 0. The length prefix makes the form unambiguous
/// whatever the values contain.
/// </summary>
public static class AuditChain
{
    /// <summary>What the first row of a chain links to.</summary>
    public const string Genesis = "";

    public static string Canonical(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder(512);
        Field(text, "sequence", entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, "occurredAt", entry.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(text, "actor", entry.Actor);
        Field(text, "userId", entry.UserId);
        Field(text, "actorName", entry.ActorName);
        Field(text, "role", entry.Role);
        Field(text, "unit", entry.Unit);
        Field(text, "action", entry.Action.ToString());
        Field(text, "operation", entry.Operation);
        Field(text, "operationName", entry.OperationName);
        Field(text, "subjectKind", entry.SubjectKind);
        Field(text, "subjectId", entry.SubjectId);
        Field(text, "subjectPerson", entry.SubjectPerson);
        Field(text, "succeeded", entry.Succeeded ? "1" : "0");
        Field(text, "outcome", entry.Outcome);
        Field(text, "remoteAddress", entry.RemoteAddress);
        Field(text, "userAgent", entry.UserAgent);
        Field(text, "detail", entry.Detail);
        Field(text, "previousHash", entry.PreviousHash);
        return text.ToString();
    }

    public static string Hash(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(entry))));

    private static void Field(StringBuilder text, string name, string? value)
    {
        text.Append(name).Append('=');
        if (value is null)
        {
            text.Append('-');
        }
        else
        {
            text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }

        text.Append('\n');
    }
}
