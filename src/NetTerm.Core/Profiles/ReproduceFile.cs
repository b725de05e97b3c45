namespace NetTerm.Core.Profiles;

/// <summary>A file a <see cref="ReproduceScript"/> reads, written next to the export.</summary>
/// <param name="Name">File name without a folder; the command refers to it by this name.</param>
public sealed record ReproduceFile(string Name, string Content);
