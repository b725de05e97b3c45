namespace NetTerm.Core.Persistence;

/// <summary>The platforms whose config folder rules differ.</summary>
internal enum ConfigPlatform
{
    Windows,
    MacOS,
    Other,
}
