namespace Retenza.Api.Infrastructure;

public static class Problems
{
    public static IResult Create(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    public static IResult NotFound(string what) =>
        Create(StatusCodes.Status404NotFound, "Not found", $"No {what} with that id exists for this tenant.");
}
