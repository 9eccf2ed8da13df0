namespace Dstack.UrlGen.Api;

/// <summary>What a <see cref="DstackNotFoundException"/> found missing, so that the client reacts to each in its own way.</summary>
internal enum DstackMissing
{
    /// <summary>A model among the project's runs, or not said.</summary>
    Model,

    /// <summary>The run asked for by name.</summary>
    Run,

    /// <summary>The project itself: listing its running models would only say there are none.</summary>
    Project,
}
