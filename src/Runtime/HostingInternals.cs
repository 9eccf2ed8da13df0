using System.Runtime.CompilerServices;

// Dstack.UrlGen.Hosting ships from this repository with the same version as this assembly; it reuses the dstack
// CLI configuration loader and the name rules instead of copying them (see docs/hosting.md). Its tests link the
// runtime tests' fake dstack server, which builds clients with a test clock.
[assembly: InternalsVisibleTo("Dstack.UrlGen.Hosting")]
[assembly: InternalsVisibleTo("Dstack.UrlGen.Hosting.Tests")]
