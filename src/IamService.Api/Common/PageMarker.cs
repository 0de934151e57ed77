using System.Buffers.Text;
using System.Text;

namespace IamService.Api.Common;

/// <summary>
/// The opaque <c>marker</c> of a list: the normalized name of the last item of the previous page, base64url
/// encoded. The next page starts after that name, so paging stays correct while items come and go.
/// </summary>
public static class PageMarker
{
    private const int MaxMarkerLength = 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: false);

    public static string Encode(string normalizedName) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(normalizedName));

    public static bool TryDecode(string marker, out string normalizedName)
    {
        normalizedName = "";
        if (string.IsNullOrEmpty(marker) || marker.Length > MaxMarkerLength || !Base64Url.IsValid(marker))
        {
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(marker);
        normalizedName = StrictUtf8.GetString(bytes);
        return normalizedName.Length > 0 && !normalizedName.Contains('\uFFFD', StringComparison.Ordinal);
    }
}
