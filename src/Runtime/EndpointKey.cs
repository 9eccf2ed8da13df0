namespace Dstack.UrlGen;

/// <summary>How an endpoint was asked for.</summary>
internal enum EndpointLookup
{
    /// <summary>By model name, among the project's running services (<c>runs/list</c>).</summary>
    Model,

    /// <summary>By run name (<c>runs/get</c>).</summary>
    Run,
}

/// <summary>
/// The cache key of an endpoint. The server is part of the key by construction: each <see cref="DstackClient"/>
/// has its own cache and talks to one server.
/// </summary>
internal readonly struct EndpointKey : IEquatable<EndpointKey>
{
    public EndpointKey(EndpointLookup lookup, string project, string name)
    {
        Lookup = lookup;
        Project = project;
        Name = name;
    }

    public EndpointLookup Lookup { get; }

    public string Project { get; }

    /// <summary>The model name or the run name, as <see cref="Lookup"/> says.</summary>
    public string Name { get; }

    public bool Equals(EndpointKey other)
        => Lookup == other.Lookup && string.Equals(Project, other.Project, StringComparison.Ordinal) && string.Equals(Name, other.Name, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is EndpointKey other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            return (((int)Lookup * 397) ^ StringComparer.Ordinal.GetHashCode(Project)) * 31 ^ StringComparer.Ordinal.GetHashCode(Name);
        }
    }
}
