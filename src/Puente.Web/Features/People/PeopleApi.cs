using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Memory;
using Puente.Web.Api;

namespace Puente.Web.Features.People;

/// <summary><c>/api/v1/people</c>: the list (<see cref="PersonFilter"/>), one person with the reader's side's contact
/// details, history, and writes for Editors.</summary>
public static class PeopleApi
{
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/people").WithTags("People");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapGet("/{id}/history", RecordRoutes<Person, PersonInput, PersonDto>.HistoryAsync);
        group.MapGet("/{id}/posts", PostsHeldAsync);
        var writes = group.MapGroup("").RequireAuthorization(Policies.Editors);
        writes.MapPost("/", CreateAsync);
        writes.MapPut("/{id}", UpdateAsync);
        return api;
    }

    private static async Task<Results<Ok<Paged<PersonDto>>, ValidationProblem>> ListAsync(PersonService people, [AsParameters] PersonFilter filter,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (ApiResults.PagingProblem(filter.Page, filter.PageSize, t) is { } problem)
        {
            return problem;
        }

        var (page, size) = (filter.Page ?? 1, filter.PageSize ?? ApiResults.DefaultPageSize);
        var (items, total) = await people.ListAsync(filter, page, size, ct);
        return TypedResults.Ok(new Paged<PersonDto>([.. items.Select(p => PersonDto.From(p, CultureInfo.CurrentUICulture))], total, page, size));
    }

    private static async Task<Results<Ok<PersonDto>, ProblemHttpResult>> GetAsync(PersonService people, string id, CancellationToken ct) =>
        await people.FindAsync(id, track: false, ct) is { } person
            ? TypedResults.Ok(PersonDto.From(person, CultureInfo.CurrentUICulture, await people.ContactsAsync(person.Id, ct)))
            : ApiResults.NotFound();

    /// <summary>The posts a person held (their readable tenures, newest first).</summary>
    private static async Task<Results<Ok<ItemList<Posts.TenureDto>>, ProblemHttpResult>> PostsHeldAsync(PersonService people, Posts.PostService posts,
        string id, CancellationToken ct)
    {
        if (await people.FindAsync(id, track: false, ct) is not { } person)
        {
            return ApiResults.NotFound();
        }

        var items = await posts.TenuresOfPersonAsync(person.Id, CultureInfo.CurrentUICulture, ct);
        return TypedResults.Ok(new ItemList<Posts.TenureDto>(items, items.Count));
    }

    private static async Task<Results<Created<PersonDto>, ValidationProblem>> CreateAsync(PersonService people, [FromBody] PersonInput input,
        HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (person, errors) = await people.SaveAsync(input, null, ct);
        return person is null
            ? ApiResults.Invalid(errors.ToDictionary(), t)
            : TypedResults.Created($"{request.PathBase}/api/v1/people/{person.Id}",
                PersonDto.From(person, CultureInfo.CurrentUICulture, await people.ContactsAsync(person.Id, ct)));
    }

    private static async Task<Results<Ok<PersonDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(PersonService people, string id,
        [FromBody] PersonInput input, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var existing = await people.FindAsync(id, track: true, ct);
        if (existing is null)
        {
            return ApiResults.NotFound();
        }

        var (person, errors) = await people.SaveAsync(input, existing, ct);
        return person is null
            ? ApiResults.Invalid(errors.ToDictionary(), t)
            : TypedResults.Ok(PersonDto.From(person, CultureInfo.CurrentUICulture, await people.ContactsAsync(person.Id, ct)));
    }
}
