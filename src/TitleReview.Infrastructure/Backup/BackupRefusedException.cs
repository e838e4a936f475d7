namespace TitleReview.Infrastructure.Backup;

/// <summary>A backup or restore that refused or failed, with a message (Simplified Chinese) for the operator.</summary>
public sealed class BackupRefusedException : Exception
{
    public BackupRefusedException()
    {
    }

    public BackupRefusedException(string message)
        : base(message)
    {
    }

    public BackupRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
