using Atlas.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Http;

/// <summary>Raised for a request the atlas cannot answer as asked; becomes a 400 problem details response (or page).</summary>
public sealed class BadRequestException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;
}

/// <summary>The problem-details answers the API shares (RFC 9457).</summary>
public static class Problems
{
    public const int MaxIdLength = Atlas.Search.SearchQueries.MaxQueryLength;

    public static IResult NotFound(string what, string id, string hint) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: $"No such {what}",
        detail: $"There is no {what} '{Params.Truncate(id, 100)}'. Look it up with {hint}.",
        extensions: new Dictionary<string, object?> { ["id"] = Params.Truncate(id, 100) });

    /// <summary>409: the question needs the enterprise register, and none is loaded (or it cannot be used).</summary>
    public static IResult NoRegister(string? problem) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: problem is null ? "No enterprise register loaded" : "The enterprise register cannot be used",
        detail: new NoRegisterException(problem).Message,
        extensions: new Dictionary<string, object?> { ["command"] = "atlas import kbo PATH" });

    /// <summary>An endpoint filter: a route's {id} longer than any id or alias is a 400, before anything is looked up.</summary>
    public static ValueTask<object?> CheckIdLength(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Request.RouteValues["id"] is string id && id.Length > MaxIdLength)
            throw new BadRequestException("Id too long", $"an id has at most {MaxIdLength} characters.");
        return next(context);
    }

    /// <summary>
    /// An endpoint filter for the register's questions: 409 with how to load one when no register is loaded — except
    /// for a place nobody knows, which the endpoint answers with its 404 whether a register is loaded or not.
    /// </summary>
    public static async ValueTask<object?> RequireRegister(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var snapshots = context.HttpContext.RequestServices.GetRequiredService<AtlasSnapshots>();
        var unknownPlace = context.HttpContext.Request.RouteValues["id"] is string id && snapshots.Curated.Resolve(id, Model.EntityType.Place) is null;
        if (snapshots.Register is null && !unknownPlace) return NoRegister(snapshots.RegisterStore.Problem);
        return await next(context);
    }
}
