using Puente.Core.Catalog;

namespace Puente.Web.Features.Mechanisms;

/// <summary><c>/api/v1/mechanisms</c>: the searchable list (<see cref="MechanismFilter"/>) and the routes every record type has.</summary>
public static class MechanismsApi
{
    public static IEndpointRouteBuilder MapMechanismsApi(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/mechanisms").WithTags("Mechanisms").MapRecordRoutes<Mechanism, MechanismInput, MechanismDto, MechanismFilter>();
        return api;
    }
}
