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
