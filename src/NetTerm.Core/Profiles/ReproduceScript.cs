namespace NetTerm.Core.Profiles;

/// <summary>A command line that repeats a session without the UI ("Export…"), the files it reads, and what it
/// cannot repeat. Never holds a secret: passwords come from an environment variable named in the command.</summary>
/// <param name="Command">One POSIX-shell command line (arguments quoted with <see cref="Text.ShellWords"/>).</param>
public sealed record ReproduceScript(string Command, IReadOnlyList<ReproduceFile> Files, IReadOnlyList<string> Notes);
