using NetTerm.Core.Terminal;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace NetTerm.Tui.Views;

/// <summary>
/// The input line. A TextField subclass that takes Enter, Up/Down, Tab and Esc in <see cref="OnKeyDown"/>, before
/// focus navigation and the app-level Quit binding see them (crib sheet "Input line"). It only edits and raises
/// events; what Enter and Tab do is decided by the main window and the profile.
/// </summary>
internal sealed class CommandInput : TextField
{
    public CommandInput()
    {
        Autocomplete = null!;
    }

    public CommandHistory History { get; } = new();

    /// <summary>Enter: the whole line.</summary>
    public event EventHandler<string>? Submitted;

    /// <summary>Tab: the main window asks the profile for completions at the caret.</summary>
    public event EventHandler? CompletionRequested;

    protected override bool OnKeyDown(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key == Key.Enter)
        {
            Submitted?.Invoke(this, Text);
            return true;
        }

        if (key == Key.CursorUp)
        {
            if (History.Previous(Text) is { } older)
            {
                Replace(older);
            }

            return true;
        }

        if (key == Key.CursorDown)
        {
            if (History.Next() is { } newer)
            {
                Replace(newer);
            }

            return true;
        }

        if (key == Key.Tab)
        {
            CompletionRequested?.Invoke(this, EventArgs.Empty);
            return true;
        }

        // Esc never quits the main window from here (dialogs and menus still close on it).
        return key == Key.Esc || base.OnKeyDown(key);
    }

    /// <summary>Replaces the text and puts the caret at the end.</summary>
    public void Replace(string text)
    {
        Text = text;
        InsertionPoint = text.Length;
    }
}
