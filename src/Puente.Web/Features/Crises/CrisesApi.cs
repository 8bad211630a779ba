using Puente.Core.Warning;

namespace Puente.Web.Features.Crises;

/// <summary><c>/api/v1/crises</c>: the marked crises (<c>?issue=&amp;q=</c>), one crisis, its history; create and update for Editors.</summary>
public static class CrisesApi
{
    public static IEndpointRouteBuilder MapCrisesApi(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/crises").WithTags("Crises").MapRecordRoutes<MarkedCrisis, CrisisInput, CrisisDto, CrisisFilter>();
        return api;
    }
}
