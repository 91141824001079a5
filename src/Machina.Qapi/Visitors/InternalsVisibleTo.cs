using System.Runtime.CompilerServices;

// The visitor tests reach the crash policy's handler and the C formatting helpers.
[assembly: InternalsVisibleTo("Machina.Qapi.Tests")]
