using NetTerm.Core.Profiles;
using NetTerm.Tui.Dialogs;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace NetTerm.Tui.Tests.Dialogs;

public sealed class FormDialogTests
{
    [Fact]
    public void Ask_MultiLineAndMaskedFieldsTyped_ReturnsTypedTextAndDescribesIt()
    {
        using var app = Application.Create();
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(100, 40);
        string? lastSeenBody = null;
        var screen = string.Empty;
        var form = new FormRequest(
            "Compose",
            [new FormField("body", "Body", FormFieldKind.MultiLine), new FormField("secret", "Password", FormFieldKind.Masked)],
            (_, _) => Task.CompletedTask)
        {
            Describe = values =>
            {
                lastSeenBody = values["body"];
                return $"{values["body"].Length} characters";
            },
        };
        var step = 0;
        app.Iteration += (_, _) =>
        {
            if (app.TopRunnable is not FormDialog)
            {
                return;
            }

            switch (step++)
            {
                case 0:
                    foreach (var c in "one")
                    {
                        app.InjectKey(c);
                    }

                    app.InjectKey(Key.Enter);
                    foreach (var c in ".two")
                    {
                        app.InjectKey(c);
                    }

                    app.InjectKey(Key.Tab); // leaves the body (no tab character inserted)
                    foreach (var c in "hunter2")
                    {
                        app.InjectKey(c);
                    }

                    break;
                case 1:
                    app.LayoutAndDraw();
                    screen = app.Driver.ToString()!;
                    app.InjectKey(Key.O.WithAlt);
                    break;
            }
        };

        var values = FormDialog.Ask(app, form, noColor: true);

        Assert.NotNull(values);
        Assert.Equal(["one", ".two"], values["body"].ReplaceLineEndings("\n").Split('\n'));
        Assert.Equal("hunter2", values["secret"]);
        Assert.Equal(values["body"], lastSeenBody);
        Assert.Contains(".two", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", screen, StringComparison.Ordinal);
    }
}
