namespace Dstack.UrlGen.Generator.Generation;

/// <summary>
/// One type declaration to reopen in generated code: the declared class itself or one of the types that contain it.
/// </summary>
/// <param name="Modifiers">Accessibility and the other modifiers that must or may repeat on a partial part, such as <c>public static</c>; "" for none.</param>
/// <param name="Keyword">The declaration's kind: <c>class</c>, <c>struct</c>, <c>interface</c>, <c>record</c> or <c>record struct</c>.</param>
/// <param name="Name">The type's name as an identifier, <c>@</c>-escaped where it is a keyword.</param>
internal sealed record TypeDeclarationSpec(string Modifiers, string Keyword, string Name);
