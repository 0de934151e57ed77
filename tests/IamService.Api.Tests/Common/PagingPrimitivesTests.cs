using IamService.Api.Common;
using IamService.Api.Errors;

namespace IamService.Api.Tests.Common;

public sealed class PagingPrimitivesTests
{
    [Theory]
    [InlineData("ALICE")]
    [InlineData("A+B=C,D.E@F-G_H")]
    [InlineData("ÜNÏCODE KEY")]
    public void Marker_RoundTrips(string normalizedName)
    {
        var marker = PageMarker.Encode(normalizedName);

        Assert.True(PageMarker.TryDecode(marker, out var decoded));
        Assert.Equal(normalizedName, decoded);
        Assert.DoesNotContain(normalizedName, marker, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("_w")]
    public void Marker_Garbage_IsRejected(string marker)
    {
        Assert.False(PageMarker.TryDecode(marker, out _));
    }

    [Fact]
    public void Create_Defaults_Are100ItemsFromTheStart()
    {
        var page = PageRequest.Create(null, null);

        Assert.True(page.IsSuccess);
        Assert.Equal(new PageRequest(100, null), page.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public void Create_MaxItemsOutOfRange_IsAValidationError(int maxItems)
    {
        var page = PageRequest.Create(maxItems, null);

        Assert.False(page.IsSuccess);
        Assert.Equal(IamErrorCode.ValidationError, page.Error.Code);
        Assert.Contains("'maxItems'", page.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BadMarker_IsInvalidInput()
    {
        var page = PageRequest.Create(10, "%%%");

        Assert.False(page.IsSuccess);
        Assert.Equal(IamErrorCode.InvalidInput, page.Error.Code);
    }

    [Fact]
    public void Create_IssuedMarker_StartsAfterItsName()
    {
        var page = PageRequest.Create(1000, PageMarker.Encode("BOB"));

        Assert.Equal(new PageRequest(1000, "BOB"), page.Value);
    }
}
