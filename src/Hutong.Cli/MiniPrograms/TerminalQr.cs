using QRCoder;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Hutong.Cli.MiniPrograms;

/// <summary>
/// A QR code for the terminal, drawn by QRCoder with half blocks (two modules a character). It is printed in white on
/// black whatever the terminal's colours, so a phone reads it on light themes as well as dark ones.
/// </summary>
internal static class TerminalQr
{
    public static IRenderable Of(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.L);
        using var ascii = new AsciiQRCode(data);
        return new Text(ascii.GetGraphicSmall(drawQuietZones: true, invert: false, endOfLine: "\n"), new Style(Color.White, Color.Black));
    }
}
