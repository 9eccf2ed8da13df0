namespace Dstack.UrlGen;

/// <summary>The dstack configuration is missing or invalid. The message names the variable or file to fix.</summary>
public sealed class DstackConfigurationException : DstackException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing or wrong, naming the variable or file to fix.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public DstackConfigurationException(string message, Exception? innerException = null)
        : base(message, innerException: innerException)
    {
    }
}
