using QRCoder;

namespace Hutong.Core.Qr;

/// <summary>Renders deep links (<c>hutong://...</c>) as QR codes for screens and print.</summary>
public static class QrCodes
{
    /// <summary>Medium error correction survives a logo or a smudge without making the code dense.</summary>
    private const QRCodeGenerator.ECCLevel Ecc = QRCodeGenerator.ECCLevel.M;

    public static byte[] Png(string payload, int pixelsPerModule = 10)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, Ecc);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string Svg(string payload, int pixelsPerModule = 10)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, Ecc);
        return new SvgQRCode(data).GetGraphic(pixelsPerModule);
    }
}
