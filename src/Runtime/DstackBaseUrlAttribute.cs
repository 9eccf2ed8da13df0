namespace Dstack.UrlGen;

/// <summary>
/// Marks a string that holds a raw dstack <c>base_url</c> (a gateway URL or a path relative to the server).
/// The Dstack.UrlGen analyzers then flag code that joins it by hand instead of calling <see cref="DstackUrl.Resolve(Uri, string, DstackUrlOptions?)"/>.
/// On a method it marks the return value.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Method)]
public sealed class DstackBaseUrlAttribute : Attribute
{
}
