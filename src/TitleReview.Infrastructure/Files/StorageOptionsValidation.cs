using Microsoft.Extensions.Options;

namespace TitleReview.Infrastructure.Files;

/// <summary>
/// Checked at start: with <c>Storage:Provider</c> = <c>S3</c>, every setting the object store
/// needs is there, and the message names the ones that are not.
/// </summary>
internal sealed class StorageOptionsValidation : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != StorageProvider.S3)
        {
            return ValidateOptionsResult.Success;
        }

        var s3 = options.S3;
        var prefix = $"{StorageOptions.SectionName}:{nameof(StorageOptions.S3)}:";
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(s3.ServiceUrl))
        {
            missing.Add(prefix + nameof(S3StorageOptions.ServiceUrl));
        }

        if (string.IsNullOrWhiteSpace(s3.Bucket))
        {
            missing.Add(prefix + nameof(S3StorageOptions.Bucket));
        }

        if (string.IsNullOrWhiteSpace(s3.AccessKey))
        {
            missing.Add(prefix + nameof(S3StorageOptions.AccessKey));
        }

        if (string.IsNullOrWhiteSpace(s3.SecretKey))
        {
            missing.Add(prefix + nameof(S3StorageOptions.SecretKey));
        }

        if (string.IsNullOrWhiteSpace(s3.Region))
        {
            missing.Add(prefix + nameof(S3StorageOptions.Region));
        }

        if (missing.Count > 0)
        {
            return ValidateOptionsResult.Fail(
                $"文件存储配置错误：Storage:Provider 为 S3，但缺少 {string.Join("、", missing)}。");
        }

        if (!Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return ValidateOptionsResult.Fail(
                $"文件存储配置错误：{prefix}{nameof(S3StorageOptions.ServiceUrl)} 须为 http:// 或 https:// 开头的完整地址，当前为“{s3.ServiceUrl}”。");
        }

        return ValidateOptionsResult.Success;
    }
}
