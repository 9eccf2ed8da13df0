namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>
/// Every conformance test shares one dstack server per test run: it takes 10-15 s to start and its runs take a
/// few more to create, so the tests of this collection run one after another against the same fixture.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "Real dstack server";
}
