using Hutong.Client;
using Hutong.Web.Shared;

namespace Hutong.Web.MiniPrograms;

/// <summary>
/// Reporting an app's content from its About dialog: the node's operators see the report and may take the app down
/// (stories, released after automatic checks alone, rely on it).
/// </summary>
public sealed partial class MiniProgramPage
{
    private string? _reportReason;
    private string? _reportError;
    private bool _reporting;

    private async Task ReportAsync()
    {
        if (_launch is not { } launch || string.IsNullOrWhiteSpace(_reportReason))
        {
            return;
        }

        (_reporting, _reportError) = (true, null);
        try
        {
            await Api.ReportMiniProgramAsync(launch.AppId, _reportReason);
            (_about, _reportReason, _toast) = (false, null, M.Reported);
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            _reportError = Problem.Describe(e, T.S);
        }
        finally
        {
            _reporting = false;
        }
    }
}
