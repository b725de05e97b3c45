using NetTerm.Core.Sessions;
using NetTerm.Tui.Input;
using Terminal.Gui.Input;

namespace NetTerm.Tui.Tests.Input;

public class CharModeKeyMapperTests
{
    private static string? Map(Key key, BackspaceKey bs = BackspaceKey.Delete, LineEnding ending = LineEnding.CrLf) =>
        CharModeKeyMapper.Map(key, bs, ending);

    [Fact]
    public void Map_PrintableLetter_SendsTheCharacter()
    {
        Assert.Equal("a", Map(new Key('a')));
        Assert.Equal("Z", Map(new Key('Z')));
        Assert.Equal("é", Map(new Key('é')));
    }

    [Theory]
    [InlineData('A', "\x01")]
    [InlineData('C', "\x03")]
    [InlineData('D', "\x04")]
    [InlineData('Q', "\x11")]
    [InlineData('Z', "\x1a")]
    public void Map_CtrlLetter_SendsControlCharacter(char letter, string expected)
    {
        var key = new Key((Terminal.Gui.Drivers.KeyCode)letter).WithCtrl;

        Assert.Equal(expected, Map(key));
    }

    [Fact]
    public void Map_Arrows_SendAnsiCursorSequences()
    {
        Assert.Equal("\x1b[A", Map(Key.CursorUp));
        Assert.Equal("\x1b[B", Map(Key.CursorDown));
        Assert.Equal("\x1b[C", Map(Key.CursorRight));
        Assert.Equal("\x1b[D", Map(Key.CursorLeft));
    }

    [Fact]
    public void Map_Backspace_SendsDelByDefaultAndCtrlHWhenConfigured()
    {
        Assert.Equal("\x7f", Map(Key.Backspace));
        Assert.Equal("\b", Map(Key.Backspace, BackspaceKey.ControlH));
    }

    [Fact]
    public void Map_TabEscAndEnter_GoToTheServer()
    {
        Assert.Equal("\t", Map(Key.Tab));
        Assert.Equal("\x1b", Map(Key.Esc));
        Assert.Equal("\r\n", Map(Key.Enter));
        Assert.Equal("\n", Map(Key.Enter, ending: LineEnding.Lf));
        Assert.Equal("\r", Map(Key.Enter, ending: LineEnding.Cr));
    }

    [Fact]
    public void Map_FunctionAndEditingKeys_SendXtermSequences()
    {
        Assert.Equal("\x1bOP", Map(Key.F1));
        Assert.Equal("\x1b[15~", Map(Key.F5));
        Assert.Equal("\x1b[24~", Map(Key.F12));
        Assert.Equal("\x1b[3~", Map(Key.Delete));
        Assert.Equal("\x1b[5~", Map(Key.PageUp));
        Assert.Equal("\x1b[H", Map(Key.Home));
    }

    [Fact]
    public void Map_AltLetter_SendsEscPrefix()
    {
        Assert.Equal("\x1bx", Map(new Key('x').WithAlt));
    }

    [Fact]
    public void Map_CtrlDigitRow_SendsLegacyControls()
    {
        Assert.Equal("\0", Map(Key.D2.WithCtrl));
        Assert.Equal("\x1c", Map(Key.D4.WithCtrl));
        Assert.Equal("\x1f", Map(Key.D7.WithCtrl));
    }

    [Fact]
    public void Map_EscapeKeyAndF10_StayLocal()
    {
        Assert.Null(Map(Key.D5.WithCtrl));
        Assert.Null(Map(new Key(']').WithCtrl));
        Assert.Null(Map(Key.F10));
        Assert.True(CharModeKeyMapper.IsLocal(Key.D5.WithCtrl));
        Assert.True(CharModeKeyMapper.IsEscapeKey(new Key(']').WithCtrl));
        Assert.False(CharModeKeyMapper.IsLocal(Key.Q.WithCtrl));
    }
}
