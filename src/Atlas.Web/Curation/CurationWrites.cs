using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Curation;

/// <summary>
/// The curation's writes take their turn, one at a time per atlas, awaiting it rather than holding a thread. A store
/// writes one change at a time anyway (SQLite's one writer, PostgreSQL's advisory lock), and SQLite's calls block
/// their thread: writes that waited for each other inside the store held the thread pool's threads, and the pages and
/// the API queued behind them.
/// </summary>
public sealed class CurationWrites
{
    internal SemaphoreSlim Turn { get; } = new(1, 1);
}

public static class CurationWriteEndpoints
{
    /// <summary>The endpoint's handler runs in its turn among the curation's writes (see <see cref="CurationWrites"/>).</summary>
    public static TBuilder OneWriteAtATime<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var turn = context.HttpContext.RequestServices.GetRequiredService<CurationWrites>().Turn;
            await turn.WaitAsync(context.HttpContext.RequestAborted);
            try
            {
                return await next(context);
            }
            finally
            {
                turn.Release();
            }
        });
}
