using System.Globalization;
using System.Text;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Files;

/// <summary>
/// The name an uploaded file came with. It is kept only to be shown and offered as the
/// download name; files are stored under random names, never under this one.
/// </summary>
public static class UploadFileName
{
    public const int MaxLength = 200;

    public const string EmptyMessage = "文件名为空，请重新选择文件。";
    public const string PathOrControlMessage = "文件名不合法：不能包含路径（/ \\ ..）或控制字符。";
    public const string OnlyDotsMessage = "文件名不合法：不能只由“.”组成。";

    /// <summary>Used as the download name's stem when the original name cannot be used.</summary>
    public const string FallbackStem = "附件";

    /// <summary>Characters Windows does not allow in a file name; replaced in download names.</summary>
    private const string UnsafeForDownload = "\"<>:|?*";

    /// <summary>
    /// Trims the name and brings it to Unicode normalization form C, then refuses an empty
    /// name, one longer than <see cref="MaxLength"/> characters, one containing '/', '\' or
    /// "..", a control, format (e.g. right-to-left override) or unpaired surrogate character,
    /// and one made of dots only.
    /// </summary>
    public static FieldCheck Check(string? name)
    {
        var trimmed = (name ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return FieldCheck.Invalid(EmptyMessage);
        }

        if (HasInvalidCharacter(trimmed))
        {
            return FieldCheck.Invalid(PathOrControlMessage);
        }

        var normalized = trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
        if (normalized.Length > MaxLength)
        {
            return FieldCheck.Invalid($"文件名过长（{normalized.Length} 个字符），请改为不超过 {MaxLength} 个字符后重新上传。");
        }

        if (normalized.Contains('/') || normalized.Contains('\\') || normalized.Contains("..", StringComparison.Ordinal))
        {
            return FieldCheck.Invalid(PathOrControlMessage);
        }

        if (normalized.Trim('.').Length == 0)
        {
            return FieldCheck.Invalid(OnlyDotsMessage);
        }

        return FieldCheck.Valid(normalized);
    }

    /// <summary>
    /// Extensions that, inside a name, disguise what a file is or would be run as: programs and
    /// scripts (for a system or a web server) and document formats. “报告.pdf.exe” and
    /// “x.php.png” are refused however their last extension reads.
    /// </summary>
    public static readonly IReadOnlySet<string> DisguisingExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".exe", ".com", ".bat", ".cmd", ".scr", ".pif", ".msi", ".msp", ".dll", ".cpl", ".sys", ".lnk", ".reg",
        ".ps1", ".psm1", ".vbs", ".vbe", ".js", ".jse", ".mjs", ".wsf", ".wsh", ".hta", ".jar", ".apk", ".app",
        ".sh", ".bash", ".py", ".pl", ".rb", ".cgi",
        ".php", ".php3", ".php4", ".php5", ".phtml", ".phar", ".asp", ".aspx", ".ashx", ".asmx", ".cshtml", ".jsp", ".jspx",
        ".html", ".htm", ".xhtml", ".shtml", ".svg", ".xml",
        ".pdf", ".doc", ".docx", ".docm", ".xls", ".xlsx", ".xlsm", ".ppt", ".pptx", ".pptm", ".rtf", ".odt", ".ods", ".odp", ".wps", ".txt",
        ".zip", ".rar", ".7z", ".gz", ".tar",
    };

    /// <summary>
    /// Rule: the declared name says what the content is. Its last extension must be one used for
    /// <paramref name="kind"/>, the kind read from the file's first bytes (“a.pdf.exe” holding a
    /// PDF and “scan.pdf” holding a PNG are refused), and no inner segment may be a program,
    /// script or document extension (“a.exe.pdf”, “x.php.png”). <paramref name="name"/> is a
    /// name that passed <see cref="Check"/>.
    /// </summary>
    public static FieldCheck CheckMatchesContent(string name, FileKind kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        var segments = name.Split('.');
        var extension = segments.Length > 1 ? "." + segments[^1] : string.Empty;
        if (extension.Length <= 1)
        {
            return FieldCheck.Invalid($"文件名“{name}”没有扩展名：文件内容是 {kind.DisplayName()}，请将文件名改为以 {Suggested(kind)} 结尾后重新上传。");
        }

        if (!kind.HasExtension(extension))
        {
            return FieldCheck.Invalid($"文件名与内容不符：“{name}”的扩展名是 {extension}，但文件内容是 {kind.DisplayName()}。请上传真实的 {kind.DisplayName()} 文件，或将扩展名改为 {Suggested(kind)}。");
        }

        var inner = segments[1..^1].Select(s => "." + s).FirstOrDefault(DisguisingExtensions.Contains);
        if (inner is not null)
        {
            return FieldCheck.Invalid($"文件名不合法：“{name}”含有双重扩展名（{inner}），请去掉文件名中间的 {inner} 后重新上传。");
        }

        return FieldCheck.Valid(name);
    }

    /// <summary>
    /// The name to offer when the file is downloaded: the checked original name, with the
    /// characters Windows refuses replaced by '_', keeping its extension when it fits
    /// <paramref name="kind"/> (“报告.PDF”) and otherwise appending the kind's
    /// (“照片.pdf” holding a PNG becomes “照片.pdf.png”). A name that fails
    /// <see cref="Check"/> becomes “附件” with the kind's extension.
    /// </summary>
    public static string ToDownloadName(string? originalName, FileKind kind)
    {
        var check = Check(originalName);
        if (!check.IsValid)
        {
            return FallbackStem + kind.Extension();
        }

        var builder = new StringBuilder(check.Normalized.Length + 4);
        foreach (var c in check.Normalized)
        {
            builder.Append(UnsafeForDownload.Contains(c) ? '_' : c);
        }

        var name = builder.ToString();
        var dot = name.LastIndexOf('.');
        var extension = dot >= 0 ? name[dot..] : string.Empty;
        return kind.HasExtension(extension) ? name : name + kind.Extension();
    }

    private static string Suggested(FileKind kind) => kind == FileKind.Jpeg ? ".jpg 或 .jpeg" : kind.Extension();

    private static bool HasInvalidCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return true;
            }

            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }
}
