using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.MiniPrograms.Tests;

/// <summary>
/// The host's own dialogs (wx.showModal, wx.showActionSheet), drawn in the embedding page where the app cannot reach
/// them, and the words the host uses: the embedder's language when it gives one, else English.
/// </summary>
[Collection(RuntimeBrowser.Name)]
public sealed class RuntimeDialogTests(RuntimeFixture fixture)
{
    private const string Chinese = """{ "back": "返回", "cancel": "取消", "ok": "确定", "actions": "操作", "input": "输入" }""";

    [Fact]
    public async Task ShowModal_AnswersConfirmOrCancel_WithButtonsInTheEmbeddersLanguage()
    {
        var page = await fixture.OpenAsync("dialogs", "Ask", texts: Chinese);
        var answer = RuntimeFixture.View(page).Locator("#answer");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Delete the note?" });

        await RuntimeFixture.View(page).Locator("#modal").ClickAsync();
        await Expect(dialog).ToContainTextAsync("It cannot be undone.");
        await Expect(dialog.GetByRole(AriaRole.Button)).ToHaveTextAsync(["取消", "确定"]);
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "确定" })).ToBeFocusedAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(answer).ToHaveTextAsync("confirm");
        await Expect(dialog).ToHaveCountAsync(0);

        await RuntimeFixture.View(page).Locator("#modal").ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "确定" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(answer).ToHaveTextAsync("cancel");

        // The app's own words come before the host's.
        await RuntimeFixture.View(page).Locator("#modal-own").ClickAsync();
        var own = page.GetByRole(AriaRole.Dialog, new() { Name = "Keep going?" });
        await Expect(own.GetByRole(AriaRole.Button)).ToHaveTextAsync(["Stop", "Go on"]);
        await own.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();
        await Expect(answer).ToHaveTextAsync("stop");

        // And the host's other words: its back button.
        Assert.Equal("返回", await page.Locator(".hmp-back").GetAttributeAsync("aria-label"));
    }

    [Fact]
    public async Task ShowModal_WithoutTheEmbeddersWords_SpeaksEnglish_AndAnEditableOneAnswersWhatWasTyped()
    {
        var page = await fixture.OpenAsync("dialogs", "Ask");
        var answer = RuntimeFixture.View(page).Locator("#answer");

        await RuntimeFixture.View(page).Locator("#edit").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Your name" });
        await Expect(dialog.GetByRole(AriaRole.Button)).ToHaveTextAsync(["Cancel", "OK"]);
        var field = dialog.GetByRole(AriaRole.Textbox, new() { Name = "Your name" });
        await Expect(field).ToBeFocusedAsync();
        await field.FillAsync("Mei");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();

        await Expect(answer).ToHaveTextAsync("named Mei");
        Assert.Equal("Back", await page.Locator(".hmp-back").GetAttributeAsync("aria-label"));
    }

    [Fact]
    public async Task ShowActionSheet_AnswersTheTappedItem_AndFailsAsWeChatsDoesWhenCancelled()
    {
        var page = await fixture.OpenAsync("dialogs", "Ask", texts: Chinese);
        var answer = RuntimeFixture.View(page).Locator("#answer");
        var sheet = page.GetByRole(AriaRole.Dialog, new() { Name = "操作" });

        await RuntimeFixture.View(page).Locator("#sheet").ClickAsync();
        await Expect(sheet.Locator("button")).ToHaveTextAsync(["Red", "Green", "Blue", "取消"]);
        await sheet.GetByRole(AriaRole.Menuitem, new() { Name = "Green" }).ClickAsync();
        await Expect(answer).ToHaveTextAsync("item 1");

        await RuntimeFixture.View(page).Locator("#sheet").ClickAsync();
        await sheet.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(answer).ToHaveTextAsync("showActionSheet:fail cancel");
        await Expect(sheet).ToHaveCountAsync(0);
    }
}
