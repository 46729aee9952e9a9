using Hutong.Contracts.Chat.Content;
using Hutong.Core.Errors;

namespace Hutong.Chat.Messages.Content;

/// <summary>A place on Earth, with a short name and address.</summary>
internal sealed class LocationHandler : ContentHandler<LocationContent>
{
    protected override LocationContent Check(LocationContent place, ChatOptions limits, FieldErrors errors)
    {
        if (place.Latitude is < -90 or > 90 || place.Longitude is < -180 or > 180 || double.IsNaN(place.Latitude) || double.IsNaN(place.Longitude)
            || place.Name?.Length > 100 || place.Address?.Length > 200)
        {
            errors.Add("location", "A location has a latitude (-90 to 90), a longitude (-180 to 180), and a short name and address.");
        }

        return place;
    }
}
