using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Hutong.MiniPrograms.Tests;

/// <summary>Rendering, taps, setData and components in real Chromium, through the host, logic and view frames.</summary>
[Collection(RuntimeBrowser.Name)]
public sealed partial class RuntimeRenderingTests(RuntimeFixture fixture)
{
    [Fact]
    public async Task TodoPage_TypeAddAndTap_HandlersUpdateTheDom()
    {
        var page = await fixture.OpenAsync("todo", "Nothing to do");
        var view = RuntimeFixture.View(page);

        await view.GetByPlaceholder("What needs doing?").FillAsync("Buy milk");
        await Assertions.Expect(view.Locator("#add")).ToBeEnabledAsync();
        await view.Locator("#add").ClickAsync();

        await Assertions.Expect(view.Locator(".todo")).ToHaveTextAsync(new Regex("1\\. Buy milk"));
        await Assertions.Expect(view.Locator("#left")).ToHaveTextAsync("1 left");
        await Assertions.Expect(view.Locator("#draft")).ToHaveValueAsync("");
        await Assertions.Expect(view.Locator("#empty")).ToHaveCountAsync(0);

        await view.Locator(".todo text").First.ClickAsync();
        await Assertions.Expect(view.Locator(".todo")).ToHaveClassAsync(new Regex("done"));
        await Assertions.Expect(view.Locator("#left")).ToHaveTextAsync("0 left");

        // catchtap on "remove" stops the tap before the row's toggle.
        await view.Locator(".remove").ClickAsync();
        await Assertions.Expect(view.Locator("#empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Calculator_KeysAndWxs_ComputeAndFormat()
    {
        var page = await fixture.OpenAsync("calc", "÷");
        var view = RuntimeFixture.View(page);
        await Assertions.Expect(view.Locator("#display")).ToHaveTextAsync("0");

        foreach (var key in new[] { "1", "2", "+", "3", "=" })
        {
            await view.Locator($".key[data-key='{key}'], .key >> text=\"{key}\"").First.ClickAsync();
        }

        await Assertions.Expect(view.Locator("#display")).ToHaveTextAsync("15");
        await view.GetByRole(AriaRole.Button, new() { Name = "C", Exact = true }).ClickAsync();
        await Assertions.Expect(view.Locator("#display")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task KeyedList_ThousandItems_UpdatesReuseRowsQuickly()
    {
        var page = await fixture.OpenAsync("lab", "Reverse", "pages/list/list");
        var view = RuntimeFixture.View(page);
        await Assertions.Expect(view.Locator(".row")).ToHaveCountAsync(1000);
        var frame = (await (await page.QuerySelectorAsync("iframe.hmp-view:not([hidden])"))!.ContentFrameAsync())!;
        await frame.EvaluateAsync("() => { document.getElementById('row-0').__mark = 'first'; }");

        await view.Locator("#rename").ClickAsync();
        await Assertions.Expect(view.Locator("#row-500")).ToHaveTextAsync("Renamed");

        await view.Locator("#reverse").ClickAsync();
        await Assertions.Expect(view.Locator("#status")).ToHaveTextAsync(new Regex("^reversed in \\d+ ms$"));
        await Assertions.Expect(view.Locator(".row").First).ToHaveTextAsync("Item 999");
        Assert.Equal("first", await frame.EvaluateAsync<string>("() => document.getElementById('row-0').__mark"));
        Assert.Equal("row-0", await frame.EvaluateAsync<string>("() => document.querySelector('.row:last-of-type').id"));
        var status = await view.Locator("#status").TextContentAsync();
        Assert.True(int.Parse(Digits().Match(status!).Value, System.Globalization.CultureInfo.InvariantCulture) < 1000, status);
    }

    [Fact]
    public async Task SetData_OverOneMebibyte_IsRefusedAndThePageKeepsWorking()
    {
        var page = await fixture.OpenAsync("lab", "Reverse", "pages/list/list");
        var view = RuntimeFixture.View(page);
        await Assertions.Expect(view.Locator(".row")).ToHaveCountAsync(1000);

        await view.Locator("#big").ClickAsync();

        await Assertions.Expect(view.Locator("#status")).ToHaveTextAsync("still works");
        await Assertions.Expect(view.Locator("#big-length")).ToHaveTextAsync("big 0");
        await view.Locator("#rename").ClickAsync();
        await Assertions.Expect(view.Locator("#row-500")).ToHaveTextAsync("Renamed");
        await Assertions.Expect(view.Locator("#status")).ToHaveTextAsync("still works");
    }

    [Fact]
    public async Task CustomComponent_PropertiesSlotsAndTriggerEvent_Work()
    {
        var page = await fixture.OpenAsync("lab", "Head slot", "pages/comp/comp");
        var view = RuntimeFixture.View(page);
        var card = view.Locator("#card");

        await Assertions.Expect(card.Locator(".title")).ToHaveTextAsync("My card");
        await Assertions.Expect(view.Locator("#body-slot")).ToHaveTextAsync("Body 0");
        await Assertions.Expect(card.Locator(".lifetimes")).ToHaveTextAsync("created,attached,ready");
        // The component's style applies inside it only; the page's to the page only.
        await Assertions.Expect(card.Locator(".title")).ToHaveCSSAsync("color", "rgb(255, 0, 0)");
        await Assertions.Expect(view.Locator("#page-title")).ToHaveCSSAsync("color", "rgb(0, 0, 255)");

        await card.Locator(".bump").ClickAsync();

        await Assertions.Expect(card.Locator(".count")).ToHaveTextAsync("count 1");
        await Assertions.Expect(view.Locator("#body-slot")).ToHaveTextAsync("Body 1");
        await Assertions.Expect(card.Locator(".seen")).ToHaveTextAsync("count 0->1");
    }

    [Fact]
    public async Task UnsupportedApi_FailsWithWeChatsErrMsg()
    {
        var page = await fixture.OpenAsync("lab", "Home page");
        var view = RuntimeFixture.View(page);

        await view.Locator("#unsupported").ClickAsync();

        await Assertions.Expect(view.Locator("#unsupported-result")).ToHaveTextAsync("openBluetoothAdapter:fail not supported|false|true");
        await Assertions.Expect(view.Locator("#storage")).ToHaveTextAsync("hello");
    }

    [Fact]
    public async Task Form_SubmitAndSelectorQuery_ReportFieldsAndRects()
    {
        var page = await fixture.OpenAsync("lab", "Measure", "pages/form/form");
        var view = RuntimeFixture.View(page);

        await view.GetByRole(AriaRole.Checkbox).Nth(1).ClickAsync();
        await view.GetByRole(AriaRole.Switch, new() { Name = "Agree" }).ClickAsync();
        await view.Locator("#submit").ClickAsync();
        await Assertions.Expect(view.Locator("#submitted")).ToHaveTextAsync("""{"who":"Lin","agree":false,"fruit":["apple","pear"],"size":1}""");

        await view.Locator("#measure").ClickAsync();
        // 375rpx is half of the 420px-wide frame.
        await Assertions.Expect(view.Locator("#measured")).ToHaveTextAsync("210x50");
    }

    [GeneratedRegex("\\d+")]
    private static partial Regex Digits();
}
