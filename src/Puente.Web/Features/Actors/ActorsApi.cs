using Puente.Core.Catalog;

namespace Puente.Web.Features.Actors;

/// <summary><c>/api/v1/actors</c>: the searchable list (<see cref="ActorFilter"/>) and the routes every record type has.</summary>
public static class ActorsApi
{
    public static IEndpointRouteBuilder MapActorsApi(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/actors").WithTags("Actors").MapRecordRoutes<Actor, ActorInput, ActorDto, ActorFilter>();
        return api;
    }
}
