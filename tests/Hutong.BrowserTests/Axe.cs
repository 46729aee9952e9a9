using System.Text.Json;
using Microsoft.Playwright;

namespace Hutong.BrowserTests;

/// <summary>axe-core (npm) run in the page: the serious and critical WCAG violations it finds, one line each.</summary>
internal static class Axe
{
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = TestPaths.Axe });
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(' | ')}`)
            """);
        return [.. found.EnumerateArray().Select(v => v.GetString()!)];
    }
}
