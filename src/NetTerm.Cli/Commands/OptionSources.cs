using System.CommandLine;
using NetTerm.Core.Persistence;

namespace NetTerm.Cli.Commands;

/// <summary>Where each connection setting comes from: the command line, or the saved session it overrides.</summary>
/// <remarks>An option counts as given only when typed; its default must not mask the saved value. Without a saved
/// session the command line, defaults included, is the only source, exactly as before --session existed.</remarks>
internal sealed class OptionSources(ParseResult parse, SavedSession? saved)
{
    public SavedSession? Saved => saved;

    /// <summary>True when <paramref name="option"/>'s value, typed or default, is the one to use.</summary>
    public bool FromCommandLine(Option option) => saved is null || parse.GetResult(option) is { Implicit: false };

    /// <summary>The typed value of <paramref name="option"/>, else the saved session's.</summary>
    public T Pick<T>(Option<T> option, Func<SavedSession, T> fromSaved) =>
        saved is null || FromCommandLine(option) ? parse.GetValue(option)! : fromSaved(saved);
}
