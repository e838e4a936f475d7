using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TitleReview.Application.Files;

namespace TitleReview.Infrastructure.Files;

internal static class FileStoreRegistration
{
    /// <summary>
    /// The file store chosen by <c>Storage:Provider</c>, read from the final configuration when
    /// first needed (so a test host's settings apply), validated at start; one instance a host,
    /// serving as both <see cref="IFileStore"/> and the health check's <see cref="IFileStoreProbe"/>.
    /// </summary>
    public static IServiceCollection AddFileStore(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidation>();
        services.AddSingleton<LocalFileStore>();
        services.AddSingleton<S3FileStore>();
        services.AddSingleton(Chosen<IFileStore>);
        services.AddSingleton(Chosen<IFileStoreProbe>);
        return services;
    }

    /// <summary>Both stores are both a <see cref="IFileStore"/> and a <see cref="IFileStoreProbe"/>.</summary>
    private static T Chosen<T>(IServiceProvider services)
        where T : class =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.S3
            ? (T)(object)services.GetRequiredService<S3FileStore>()
            : (T)(object)services.GetRequiredService<LocalFileStore>();
}
