using System.Runtime.CompilerServices;

// Dstack.UrlGen.Hosting ships from this repository with the same version as this assembly; it reuses the dstack
// CLI configuration loader and the name rules instead of copying them (see docs/hosting.md).
[assembly: InternalsVisibleTo("Dstack.UrlGen.Hosting")]
