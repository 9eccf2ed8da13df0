using Microsoft.Extensions.Options;

namespace Dstack.UrlGen.Hosting;

/// <summary>Checks <see cref="DstackOptions"/> when the host starts (<c>ValidateOnStart</c>), so a bad setting stops start-up with a message naming it.</summary>
internal sealed class DstackOptionsValidator : IValidateOptions<DstackOptions>
{
    private readonly DstackEnvironment _environment;

    public DstackOptionsValidator(DstackEnvironment environment) => _environment = environment;

    public ValidateOptionsResult Validate(string? name, DstackOptions options)
    {
        var failures = new List<string>(options.ConfigurationErrors);
        var infinite = System.Threading.Timeout.InfiniteTimeSpan;
        if (options.EndpointCacheDuration < TimeSpan.Zero && options.EndpointCacheDuration != infinite)
        {
            failures.Add($"{DstackOptionsSetup.Key(nameof(DstackOptions.EndpointCacheDuration))} is {options.EndpointCacheDuration}; set it to zero (no caching) or a positive time span such as 00:01:00.");
        }

        if ((options.Timeout <= TimeSpan.Zero || options.Timeout.TotalMilliseconds > int.MaxValue) && options.Timeout != infinite)
        {
            failures.Add($"{DstackOptionsSetup.Key(nameof(DstackOptions.Timeout))} is {options.Timeout}; set it to a positive time span of at most 24 days, such as 00:00:30.");
        }

        if (DstackConnection.TryResolve(options, _environment, out string? error) is null)
        {
            failures.Add(error!);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
